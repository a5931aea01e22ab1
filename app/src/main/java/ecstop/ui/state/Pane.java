package ecstop.ui.state;

/**
 * A pane that can hold the focus, by name. Which panes there are, where they sit, what they
 * list and in which Tab order is the pane registry's ({@code ui.view.PaneRegistry}): a new pane
 * names itself there, and State's steps move through it through the {@link Listing}.
 */
public record Pane(String name) {
    public static final Pane CLUSTERS = new Pane("clusters");
    public static final Pane CPU = new Pane("cpu");
    public static final Pane MEMORY = new Pane("memory");
    public static final Pane RIGHTSIZE = new Pane("rightsize");
    public static final Pane TASKS = new Pane("tasks");
    public static final Pane CONTAINERS = new Pane("containers");
    public static final Pane DETAIL = new Pane("detail");

    @Override
    public String toString() { return name; }
}
