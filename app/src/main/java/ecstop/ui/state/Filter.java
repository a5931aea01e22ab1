package ecstop.ui.state;

/**
 * What narrows the bar panels' rows: the service-name text, whether keys are still typing
 * into it, and whether only services that show a signal are listed.
 */
public record Filter(String text, boolean typing, boolean signalsOnly) {
    public static final Filter NONE = new Filter("", false, false);
    static final int MAX_LENGTH = 100;

    public boolean active() { return typing || !text.isEmpty() || signalsOnly; }

    Filter type(char c) {
        return Character.isISOControl(c) || text.length() >= MAX_LENGTH ? this : new Filter(text + c, typing, signalsOnly);
    }

    Filter erase() {
        return text.isEmpty() ? this : new Filter(text.substring(0, text.length() - 1), typing, signalsOnly);
    }

    Filter typing(boolean t) { return new Filter(text, t, signalsOnly); }

    Filter withSignalsOnly(boolean on) { return new Filter(text, typing, on); }
}
