package ecstop.ui.present;

/** A piece of the status line; lower {@code keep} is dropped first when the line is too narrow. */
public record StatusPart(String text, boolean error, boolean bold, int keep) {}
