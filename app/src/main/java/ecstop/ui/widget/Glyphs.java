package ecstop.ui.widget;

/**
 * The non-ASCII characters we draw, with an ASCII stand-in for each, chosen once: a terminal
 * whose charset cannot encode box drawing gets the ASCII set everywhere, not a mix.
 */
public record Glyphs(
        boolean ascii,
        String ellipsis,
        String dot,
        String marker,
        char horizontal,
        char vertical,
        char topLeft,
        char topRight,
        char bottomLeft,
        char bottomRight,
        String noData,
        String up,
        String down) {

    public static final Glyphs UNICODE = new Glyphs(false, "…", "·", "▶", '─', '│', '┌', '┐', '└', '┘', "no data", "↑", "↓");
    public static final Glyphs ASCII = new Glyphs(true, "~", "-", ">", '-', '|', '+', '+', '+', '+', "no data", "^", "v");

    public static Glyphs of(boolean ascii) {
        return ascii ? ASCII : UNICODE;
    }

    /** " · " between parts of a title or the status bar. */
    public String sep() {
        return " " + dot + " ";
    }

    /**
     * {@code text} as this terminal can show it: unchanged, or for {@code --ascii} with the
     * domain's few typographic signs spelled out (≥ as >=, → as ->, – as -) and anything else
     * past ASCII as '?', so no line a presenter builds can put a wide or unknown glyph on screen.
     */
    public String text(String text) {
        if (!ascii) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '≥' -> sb.append(">=");
                case '≤' -> sb.append("<=");
                case '→' -> sb.append("->");
                case '←' -> sb.append("<-");
                case '–', '—' -> sb.append('-');
                case '…' -> sb.append(ellipsis);
                case '·' -> sb.append(dot);
                default -> sb.append(c < 128 ? c : '?');
            }
        }
        return sb.toString();
    }
}
