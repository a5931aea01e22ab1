package ecstop.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * awsQuery answers: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>} in
 * CloudWatch's namespace, lists as {@code <member>} elements, timestamps in ISO 8601;
 * errors as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error>}.
 */
final class QueryXml {
    static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private QueryXml() {}

    static byte[] response(String operation, Map<String, ?> result, String requestId) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("<").append(operation).append("Response xmlns=\"").append(NAMESPACE).append("\">\n");
        sb.append("  <").append(operation).append("Result>");
        members(sb, result);
        sb.append("</").append(operation).append("Result>\n");
        sb.append("  <ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>\n");
        sb.append("</").append(operation).append("Response>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] error(AwsError error, String message, String requestId) {
        String xml = "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + (error.senderFault ? "Sender" : "Receiver") + "</Type>\n"
                + "    <Code>" + error.queryCode + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static void members(StringBuilder sb, Map<String, ?> m) {
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (e.getValue() != null) {
                sb.append('<').append(e.getKey()).append('>');
                value(sb, e.getValue());
                sb.append("</").append(e.getKey()).append('>');
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            members(sb, (Map<String, ?>) m);
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                sb.append("<member>");
                value(sb, o);
                sb.append("</member>");
            }
        } else if (v instanceof Instant t) {
            sb.append(t);
        } else {
            sb.append(escape(String.valueOf(v)));
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
