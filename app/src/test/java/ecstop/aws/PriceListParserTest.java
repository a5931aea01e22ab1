package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.rightsize.FargatePrices.Rate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceListParserTest {
    static String item(String region, String usageType, String usd) {
        return "{\"product\":{\"productFamily\":\"Compute\",\"attributes\":{\"regionCode\":\"" + region
                + "\",\"usagetype\":\"" + usageType + "\"}},\"serviceCode\":\"AmazonECS\",\"terms\":{\"OnDemand\":{\"A.B\":"
                + "{\"priceDimensions\":{\"A.B.C\":{\"unit\":\"hours\",\"pricePerUnit\":{\"USD\":\"" + usd + "\"}}}}}}}";
    }

    @Test
    void linuxX86AndArmOnDemandRatesAreFoundAndTheRestSkipped() {
        List<String> items = List.of(
                item("eu-central-1", "EUC1-Fargate-vCPU-Hours:perCPU", "0.0465600000"),
                item("eu-central-1", "EUC1-Fargate-GB-Hours", "0.0051100000"),
                item("eu-central-1", "EUC1-Fargate-ARM-vCPU-Hours:perCPU", "0.0372500000"),
                item("eu-central-1", "EUC1-Fargate-ARM-GB-Hours", "0.0040900000"),
                item("eu-central-1", "EUC1-Fargate-Windows-vCPU-Hours:perCPU", "0.09"),
                item("eu-central-1", "EUC1-SpotUsage-Fargate-vCPU-Hours:perCPU", "0.01"),
                item("eu-central-1", "EUC1-Fargate-EphemeralStorage-GB-Hours", "0.000111"),
                item("us-east-1", "USE1-Fargate-vCPU-Hours:perCPU", "0.04048"),
                "not json at all");

        var rates = PriceListParser.fargate("eu-central-1", items);

        assertThat(rates).containsOnlyKeys("X86_64", "ARM64");
        assertThat(rates.get("X86_64")).isEqualTo(new Rate(0.04656, 0.00511));
        assertThat(rates.get("ARM64")).isEqualTo(new Rate(0.03725, 0.00409));
    }

    @Test
    void anArchitectureMissingHalfItsPriceIsLeftOut() {
        var rates = PriceListParser.fargate("us-east-1", List.of(item("us-east-1", "USE1-Fargate-vCPU-Hours:perCPU", "0.04048"),
                item("us-east-1", "USE1-Fargate-GB-Hours", "0.004445"),
                item("us-east-1", "USE1-Fargate-ARM-vCPU-Hours:perCPU", "0.03238")));

        assertThat(rates).containsOnlyKeys("X86_64");
    }
}
