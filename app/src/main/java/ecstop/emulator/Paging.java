package ecstop.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a list, for the PascalCase APIs (Application Auto Scaling, Price List): the
 * items from the NextToken on, at most MaxResults (1 to {@code max}, default {@code max}),
 * and the token for the rest.
 */
final class Paging {
    private Paging() {}

    static <T> Map<String, Object> page(List<T> all, String member, String scope, Inputs in, int max,
                                        AwsError invalid, java.util.function.Function<T, Object> render,
                                        Map<String, Object> out) {
        int size = in.integer("MaxResults").orElse(max);
        if (size < 1 || size > max) {
            throw invalid.with("1 validation error detected: Value '" + size
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + max);
        }
        int from = 0;
        Optional<String> token = in.text("NextToken").filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            from = PageTokens.decode(scope, token.get())
                    .orElseThrow(() -> AwsError.NEXT_TOKEN_INVALID.with("Invalid token"));
            if (from > all.size()) {
                throw AwsError.NEXT_TOKEN_INVALID.with("Invalid token");
            }
        }
        int to = Math.min(all.size(), from + size);
        out.put(member, all.subList(from, to).stream().map(render).toList());
        if (to < all.size()) {
            out.put("NextToken", PageTokens.encode(scope, to));
        }
        return out;
    }
}
