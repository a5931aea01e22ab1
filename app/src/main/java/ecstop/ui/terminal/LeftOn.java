package ecstop.ui.terminal;

import ecstop.config.Remembered;
import ecstop.domain.Snapshot;
import java.util.Optional;

/** What a session ended on, for the next one: the view, and the bars of the cluster on screen. */
public record LeftOn(Remembered view, Optional<Snapshot> snapshot) {}
