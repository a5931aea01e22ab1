package ecstop.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * Opaque paging tokens. A token names what it pages (so one from ListServices of cluster A
 * is refused for cluster B, as AWS refuses it) and the offset to continue from.
 */
final class PageTokens {
    private PageTokens() {}

    static String encode(String scope, int offset) {
        String raw = scope + "\n" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset, or empty when the token is not one of ours for this scope. */
    static OptionalInt decode(String scope, String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int nl = raw.lastIndexOf('\n');
            if (nl < 0 || !raw.substring(0, nl).equals(scope)) {
                return OptionalInt.empty();
            }
            int offset = Integer.parseInt(raw.substring(nl + 1));
            return offset >= 0 ? OptionalInt.of(offset) : OptionalInt.empty();
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }
}
