package ecstop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * awsQuery's form encoding read into the same tree shape the JSON protocols give, so the
 * operations read one input model: "A.member.2.B=x" becomes {A: [_, {B: "x"}]}. Scalars stay
 * strings; {@link Inputs} converts them where the model wants numbers or timestamps.
 */
final class QueryForm {
    private QueryForm() {}

    static ObjectNode parse(String form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (form == null || form.isEmpty()) {
            return root;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            put(root, key.split("\\."), value);
        }
        return root;
    }

    private static void put(ObjectNode root, String[] path, String value) {
        ObjectNode cur = root;
        for (int i = 0; i < path.length; i++) {
            String name = path[i];
            boolean listed = i + 2 < path.length && path[i + 1].equals("member") && isIndex(path[i + 2]);
            if (listed) {
                JsonNode existing = cur.get(name);
                ArrayNode arr = existing instanceof ArrayNode a ? a : cur.putArray(name);
                int index = Integer.parseInt(path[i + 2]) - 1;
                while (arr.size() <= index) {
                    arr.addNull();
                }
                if (i + 2 == path.length - 1) {
                    arr.set(index, arr.textNode(value));
                    return;
                }
                JsonNode element = arr.get(index);
                if (!(element instanceof ObjectNode)) {
                    element = arr.objectNode();
                    arr.set(index, element);
                }
                cur = (ObjectNode) element;
                i += 2;
            } else if (i == path.length - 1) {
                cur.put(name, value);
            } else {
                JsonNode child = cur.get(name);
                cur = child instanceof ObjectNode o ? o : cur.putObject(name);
            }
        }
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(s) >= 1;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
