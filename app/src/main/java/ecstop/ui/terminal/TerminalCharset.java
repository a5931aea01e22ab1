package ecstop.ui.terminal;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/**
 * We always write UTF-8 (LANG is often C in containers and cron-started tmux, yet the
 * terminal is UTF-8). Only when the locale names another charset explicitly, and that
 * charset cannot encode our block and box characters, do we fall back to ASCII.
 */
public final class TerminalCharset {
    public static final String PROBE = "█▏▁─│┌…·";

    private TerminalCharset() {}

    public static boolean needsAscii(Map<String, String> env) {
        String locale = firstSet(env, "LC_ALL", "LC_CTYPE", "LANG");
        int dot = locale.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String codeset = locale.substring(dot + 1);
        int at = codeset.indexOf('@');
        if (at >= 0) {
            codeset = codeset.substring(0, at);
        }
        String normal = codeset.toLowerCase(Locale.ROOT).replace("-", "");
        if (normal.equals("utf8")) {
            return false;
        }
        try {
            return !Charset.forName(codeset).newEncoder().canEncode(PROBE);
        } catch (RuntimeException unknownCharset) {
            return false;
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "";
    }
}
