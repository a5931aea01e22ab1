package ecstop.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Price List Query API's GetProducts (awsJson1_1, target prefix AWSPriceListService) over
 * {@link PriceBook}: ServiceCode is required, Filters are TERM_MATCH on the product family or
 * an attribute, MaxResults 1–100 (default 100) with NextToken. As on AWS, PriceList is a list
 * of JSON documents each sent as a string.
 */
final class PricingApi {
    static final Set<String> OPERATIONS = Set.of("GetProducts");
    static final int MAX_RESULTS = 100;

    private final List<PriceBook.Product> products = PriceBook.amazonEcs();

    Map<String, Object> call(String operation, Inputs in) {
        if (!"GetProducts".equals(operation)) {
            throw AwsError.UNKNOWN_OPERATION.with("Unknown operation " + operation);
        }
        String serviceCode = in.text("ServiceCode").filter(s -> !s.isBlank())
                .orElseThrow(() -> AwsError.INVALID_PARAMETER.with("Input validation error: ServiceCode is required"));
        List<Inputs> filters = in.list("Filters");
        for (Inputs f : filters) {
            if (!"TERM_MATCH".equals(f.text("Type").orElse(""))) {
                throw AwsError.INVALID_PARAMETER.with("Input validation error: Filter Type must be TERM_MATCH");
            }
        }
        List<PriceBook.Product> matching = products.stream()
                .filter(p -> "AmazonECS".equals(serviceCode))
                .filter(p -> filters.stream().allMatch(f -> matches(p, f)))
                .toList();
        String scope = "products/" + serviceCode + "/" + filters.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("FormatVersion", "aws_v1");
        return Paging.page(matching, "PriceList", scope, in, MAX_RESULTS, AwsError.INVALID_PARAMETER,
                p -> new String(Documents.json(p.document()), java.nio.charset.StandardCharsets.UTF_8), out);
    }

    private static boolean matches(PriceBook.Product p, Inputs filter) {
        String field = filter.text("Field").orElse("");
        String actual = field.equalsIgnoreCase("ServiceCode") ? "AmazonECS" : p.attributes().get(field);
        return actual != null && actual.equalsIgnoreCase(filter.text("Value").orElse(""));
    }
}
