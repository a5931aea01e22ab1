package ecstop.ui.state;

/** The service-name filter: its text, and whether keys are still typing into it. */
public record Filter(String text, boolean typing) {
    public static final Filter NONE = new Filter("", false);
    static final int MAX_LENGTH = 100;

    public boolean active() { return typing || !text.isEmpty(); }

    Filter type(char c) {
        return Character.isISOControl(c) || text.length() >= MAX_LENGTH ? this : new Filter(text + c, typing);
    }

    Filter erase() {
        return text.isEmpty() ? this : new Filter(text.substring(0, text.length() - 1), typing);
    }
}
