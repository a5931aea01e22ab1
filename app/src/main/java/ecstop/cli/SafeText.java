package ecstop.cli;

/** Names come from AWS and go to a terminal: no escape sequence may ride along. */
final class SafeText {
    private SafeText() {}

    /**
     * Controls (ESC, BEL, C1) and invisible format characters become '?': a bidi override
     * (U+202E) would otherwise reorder the rest of the line on screen, and a zero-width one
     * would make two names look the same.
     */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(unsafe(c) ? '?' : c));
        return sb.toString();
    }

    static boolean unsafe(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    /** Pads or cuts to exactly {@code width} code points, cutting with an ellipsis. */
    static String fit(String s, int width) {
        int len = s.codePointCount(0, s.length());
        if (len <= width) {
            return s + " ".repeat(width - len);
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width - 1))) + "…";
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
