package ecstop.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AmazonECS products of the Price List in a few regions, shaped as GetProducts returns
 * them: Fargate's on-demand vCPU-hour and GB-hour for Linux x86 and ARM at AWS's published
 * prices, and the neighbours a parser must skip (Windows, ephemeral storage, ECS Anywhere).
 */
final class PriceBook {
    /** region, location, usage type prefix, x86 vCPU-h, x86 GB-h, ARM vCPU-h, ARM GB-h. */
    private static final Object[][] REGIONS = {
        {"us-east-1", "US East (N. Virginia)", "USE1-", 0.04048, 0.004445, 0.03238, 0.00356},
        {"us-east-2", "US East (Ohio)", "USE2-", 0.04048, 0.004445, 0.03238, 0.00356},
        {"us-west-2", "US West (Oregon)", "USW2-", 0.04048, 0.004445, 0.03238, 0.00356},
        {"eu-west-1", "EU (Ireland)", "EU-", 0.04048, 0.004445, 0.03238, 0.00356},
        {"eu-central-1", "EU (Frankfurt)", "EUC1-", 0.04656, 0.00511, 0.03725, 0.00409},
    };
    static final String PUBLISHED = "2026-11-01T00:00:00Z";

    /** One product and its on-demand price per unit. */
    record Product(String sku, Map<String, String> attributes, String description, String unit, double usd) {
        Map<String, Object> document() {
            String term = sku + ".JRTCKXETXF";
            Map<String, Object> dimension = new LinkedHashMap<>();
            dimension.put("unit", unit);
            dimension.put("endRange", "Inf");
            dimension.put("description", description);
            dimension.put("appliesTo", List.of());
            dimension.put("rateCode", term + ".6YS6EN2CT7");
            dimension.put("beginRange", "0");
            dimension.put("pricePerUnit", Map.of("USD", String.format(java.util.Locale.ROOT, "%.10f", usd)));
            Map<String, Object> onDemand = new LinkedHashMap<>();
            onDemand.put("priceDimensions", Map.of(term + ".6YS6EN2CT7", dimension));
            onDemand.put("sku", sku);
            onDemand.put("effectiveDate", PUBLISHED);
            onDemand.put("offerTermCode", "JRTCKXETXF");
            onDemand.put("termAttributes", Map.of());
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("productFamily", attributes.get("productFamily"));
            Map<String, String> attrs = new LinkedHashMap<>(attributes);
            attrs.remove("productFamily");
            product.put("attributes", attrs);
            product.put("sku", sku);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("product", product);
            m.put("serviceCode", "AmazonECS");
            m.put("terms", Map.of("OnDemand", Map.of(term, onDemand)));
            m.put("version", "20261101000000");
            m.put("publicationDate", PUBLISHED);
            return m;
        }
    }

    private PriceBook() {}

    static List<Product> amazonEcs() {
        List<Product> out = new ArrayList<>();
        for (Object[] r : REGIONS) {
            String region = (String) r[0];
            String location = (String) r[1];
            String prefix = (String) r[2];
            out.add(product(region, location, prefix + "Fargate-vCPU-Hours:perCPU", "AWS Fargate - vCPU", "hours", (double) r[3]));
            out.add(product(region, location, prefix + "Fargate-GB-Hours", "AWS Fargate - Memory", "hours", (double) r[4]));
            out.add(product(region, location, prefix + "Fargate-ARM-vCPU-Hours:perCPU", "AWS Fargate - ARM - vCPU", "hours", (double) r[5]));
            out.add(product(region, location, prefix + "Fargate-ARM-GB-Hours", "AWS Fargate - ARM - Memory", "hours", (double) r[6]));
            out.add(product(region, location, prefix + "Fargate-Windows-vCPU-Hours:perCPU", "AWS Fargate - Windows - vCPU", "hours", 0.09148));
            out.add(product(region, location, prefix + "Fargate-EphemeralStorage-GB-Hours", "AWS Fargate - Ephemeral Storage", "GB-Hours", 0.000111));
            out.add(product(region, location, prefix + "ECS-Anywhere-Instance-hours", "Amazon ECS Anywhere", "hours", 0.01025));
        }
        return out;
    }

    private static Product product(String region, String location, String usageType, String what, String unit, double usd) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("productFamily", "Compute");
        a.put("servicecode", "AmazonECS");
        a.put("location", location);
        a.put("locationType", "AWS Region");
        a.put("regionCode", region);
        a.put("usagetype", usageType);
        a.put("operation", "");
        a.put("tenancy", "Shared");
        a.put("servicename", "Amazon Elastic Container Service");
        String sku = Long.toHexString(Hashing.of(usageType)).toUpperCase(java.util.Locale.ROOT).substring(0, 12);
        return new Product(sku, a, what + " - " + location, unit, usd);
    }
}
