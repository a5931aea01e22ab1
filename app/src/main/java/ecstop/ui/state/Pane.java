package ecstop.ui.state;

/** The panes that can hold the focus, in Tab order. DETAIL takes part only while it is open. */
public enum Pane {
    CLUSTERS, CPU, MEMORY, DETAIL
}
