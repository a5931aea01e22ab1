package ecstop.domain.signal;

/**
 * AWS's text goes to a terminal, a CSV cell and a status line: one line, no escape
 * sequences, bounded. Line breaks and tabs become spaces; other controls (ESC, BEL, C1) and
 * invisible format characters (a bidi override would reorder the rest of the line) become
 * '?'; runs of spaces collapse.
 */
public final class Messages {
    public static final int MAX = 300;

    private Messages() {}

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX + 16));
        int[] kept = {0};
        boolean[] space = {false};
        s.codePoints().forEach(c -> {
            if (kept[0] > MAX) {
                return;
            }
            int out = c == '\n' || c == '\r' || c == '\t' ? ' '
                    : Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c;
            if (out == ' ' && (space[0] || sb.length() == 0)) {
                return;
            }
            space[0] = out == ' ';
            sb.appendCodePoint(out);
            kept[0]++;
        });
        String t = sb.toString().strip();
        return t.codePointCount(0, t.length()) > MAX ? t.substring(0, t.offsetByCodePoints(0, MAX - 1)) + "…" : t;
    }
}
