package ecstop.ui;

/** Everything a key can do. The help overlay lists them in this order. */
public enum Action {
    UP("move up"),
    DOWN("move down"),
    FIRST("first row"),
    LAST("last row"),
    PAGE_UP("page up"),
    PAGE_DOWN("page down"),
    NEXT_PANE("next pane"),
    PREVIOUS_PANE("previous pane"),
    ENTER("pick cluster / open service detail"),
    BACK("back: close help, filter, detail"),
    FILTER("filter services by name (Enter keeps, Esc clears)"),
    SORT("cycle sort: peak, name, memory"),
    LONGER("longer lookback"),
    SHORTER("shorter lookback"),
    STAT("toggle maximum / average"),
    REFRESH("refresh now"),
    REPAINT("repaint the screen"),
    HELP("show / hide this help"),
    QUIT("quit");

    private final String description;

    Action(String description) { this.description = description; }

    public String description() { return description; }
}
