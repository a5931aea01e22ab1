package ecstop.ui.widget;

import com.googlecode.lanterna.TerminalTextUtils;

/**
 * Makes strings from AWS (names, error messages) safe to draw, and fits them to a number of
 * terminal columns. Names reach us from APIs we do not control and from the emulator's fault
 * knobs; an escape sequence drawn raw would repaint or retitle the user's terminal.
 */
public final class Text {
    /** What a removed control character or escape sequence turns into. */
    public static final char REPLACEMENT = '?';

    private Text() {}

    /**
     * Replaces control characters (C0, DEL, C1), whole ANSI escape sequences, format and
     * bidirectional controls, line separators and unpaired surrogates with {@link #REPLACEMENT};
     * drops combining marks, which terminals and Lanterna measure differently; replaces
     * characters outside the Basic Multilingual Plane (emoji), whose width no one agrees on.
     */
    public static String sanitize(String s) {
        if (s == null) {
            return "";
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\u001b' || c == '\u009b') {
                out.append(REPLACEMENT);
                i = skipEscape(s, i);
                continue;
            }
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (n == 2) {
                out.append(REPLACEMENT);
            } else {
                int type = Character.getType(c);
                if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                    // dropped: it would combine with the previous cell
                } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                    out.append(REPLACEMENT);
                } else {
                    out.append(c);
                }
            }
            i += n;
        }
        return out.toString();
    }

    /** Fast path: the usual ECS name is printable ASCII. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Index just past the escape sequence starting at {@code i} (CSI, OSC or a two-byte ESC x). */
    private static int skipEscape(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        int j = i + 1;
        boolean csi = c == '\u009b';
        if (!csi && j < n && s.charAt(j) == '[') {
            csi = true;
            j++;
        }
        if (csi) {
            // parameters and intermediates, then one final byte in @..~
            while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3f) {
                j++;
            }
            while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
                j++;
            }
            return j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7e ? j + 1 : j;
        }
        if (j < n && s.charAt(j) == ']') {
            // OSC: up to BEL or ESC \ (string terminator)
            j++;
            while (j < n) {
                char d = s.charAt(j);
                if (d == '\u0007') {
                    return j + 1;
                }
                if (d == '\u001b' && j + 1 < n && s.charAt(j + 1) == '\\') {
                    return j + 2;
                }
                j++;
            }
            return j;
        }
        return j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x7e ? j + 1 : j;
    }

    /** Columns the (sanitized) string takes on a terminal: CJK characters take two. */
    public static int width(String s) {
        // one column a character for the text panes mostly draw; Lanterna looks each up in Unicode's block table
        return CellCache.simple(s) ? s.length() : TerminalTextUtils.getColumnWidth(s);
    }

    /**
     * Sanitizes and cuts {@code s} to at most {@code columns} terminal columns, ending a cut
     * string with {@code ellipsis} (never splitting a wide character).
     */
    public static String fit(String s, int columns, String ellipsis) {
        String clean = sanitize(s);
        if (columns <= 0) {
            return "";
        }
        if (width(clean) <= columns) {
            return clean;
        }
        int room = columns - width(ellipsis);
        if (room < 0) {
            return cut(clean, columns);
        }
        return cut(clean, room) + ellipsis;
    }

    /** {@link #fit} padded with spaces to exactly {@code columns} columns. */
    public static String pad(String s, int columns, String ellipsis) {
        String f = fit(s, columns, ellipsis);
        int w = width(f);
        return w >= columns ? f : f + " ".repeat(columns - w);
    }

    /** Right-aligned in exactly {@code columns} columns. */
    public static String padLeft(String s, int columns, String ellipsis) {
        String f = fit(s, columns, ellipsis);
        int w = width(f);
        return w >= columns ? f : " ".repeat(columns - w) + f;
    }

    /** The longest prefix of {@code s} that fits in {@code columns} columns. */
    private static String cut(String s, int columns) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int w = TerminalTextUtils.isCharDoubleWidth(s.charAt(i)) ? 2 : 1;
            if (used + w > columns) {
                break;
            }
            used += w;
            i++;
        }
        return s.substring(0, i);
    }
}
