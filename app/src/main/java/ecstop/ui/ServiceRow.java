package ecstop.ui;

import ecstop.domain.Series;
import java.util.OptionalDouble;

/** One row of a bar panel: the service, its name with the shared prefix cut, its figure and history. */
public record ServiceRow(String name, String shown, OptionalDouble value, Series series) {}
