package ecstop.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.domain.rightsize.FargatePrices.Rate;
import ecstop.domain.rightsize.TaskDefinition;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fargate's Linux on-demand rates out of GetProducts' PriceList (each item a JSON document
 * sent as a string). Products are told apart by usage type, "USE1-Fargate-vCPU-Hours:perCPU",
 * "USE1-Fargate-GB-Hours" and their "-ARM-" twins (the region prefix varies); Windows, Spot,
 * ephemeral storage and the rest are skipped. The price is the USD pricePerUnit of the
 * OnDemand term.
 */
final class PriceListParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FARGATE = Pattern.compile("(?:^|-)Fargate-(ARM-)?(vCPU-Hours:perCPU|GB-Hours)$");

    private PriceListParser() {}

    /** Rates by CPU architecture for the region; an architecture missing either half is left out. */
    static Map<String, Rate> fargate(String region, List<String> priceList) {
        Map<String, Double> vcpu = new HashMap<>();
        Map<String, Double> gb = new HashMap<>();
        for (String item : priceList) {
            JsonNode doc = read(item);
            JsonNode attributes = doc.path("product").path("attributes");
            String regionCode = attributes.path("regionCode").asText("");
            if (!regionCode.isEmpty() && !regionCode.equals(region)) {
                continue;
            }
            Matcher m = FARGATE.matcher(attributes.path("usagetype").asText(""));
            if (!m.find() || attributes.path("usagetype").asText("").contains("Spot")) {
                continue;
            }
            Optional<Double> usd = onDemandUsd(doc);
            if (usd.isEmpty()) {
                continue;
            }
            String arch = m.group(1) != null ? TaskDefinition.ARM64 : TaskDefinition.X86_64;
            (m.group(2).startsWith("vCPU") ? vcpu : gb).put(arch, usd.get());
        }
        Map<String, Rate> out = new HashMap<>();
        for (String arch : vcpu.keySet()) {
            if (gb.containsKey(arch) && vcpu.get(arch) > 0 && gb.get(arch) > 0) {
                out.put(arch, new Rate(vcpu.get(arch), gb.get(arch)));
            }
        }
        return out;
    }

    private static Optional<Double> onDemandUsd(JsonNode doc) {
        for (JsonNode term : doc.path("terms").path("OnDemand")) {
            for (JsonNode dimension : term.path("priceDimensions")) {
                String usd = dimension.path("pricePerUnit").path("USD").asText("");
                if (!usd.isEmpty()) {
                    try {
                        return Optional.of(Double.parseDouble(usd));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode read(String item) {
        try {
            return JSON.readTree(item);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
