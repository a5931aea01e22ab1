package ecstop.ui.state;

/** What the panels beside the picker show: CPU and memory bars, or the right-sizing table. */
public enum Panels { USAGE, RIGHTSIZE }
