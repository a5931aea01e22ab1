package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledPricesTest {

    @Test
    void theTableIsDatedAndCoversTheMainRegions() {
        assertThat(BundledPrices.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(BundledPrices.regions()).contains("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1",
                "eu-west-2", "ap-southeast-1", "ap-northeast-1", "ap-southeast-2");
    }

    @Test
    void usEast1AsPublished() {
        FargatePrices p = BundledPrices.forRegion("us-east-1").orElseThrow();

        assertThat(p.source()).isEqualTo(FargatePrices.Source.BUNDLED);
        assertThat(p.asOf()).isEqualTo(BundledPrices.asOf());
        assertThat(p.rate(TaskDefinition.X86_64)).contains(new FargatePrices.Rate(0.04048, 0.004445));
        assertThat(p.rate(TaskDefinition.ARM64)).contains(new FargatePrices.Rate(0.03238, 0.00356));
    }

    /** Graviton is priced 20% below x86 wherever both are in the table. */
    @Test
    void armIsAFifthCheaperWhereverBothAreListed() {
        for (String region : BundledPrices.regions()) {
            FargatePrices p = BundledPrices.forRegion(region).orElseThrow();
            assertThat(p.rate(TaskDefinition.X86_64)).as(region).isPresent();
            p.rate(TaskDefinition.ARM64).ifPresent(arm -> {
                FargatePrices.Rate x86 = p.rate(TaskDefinition.X86_64).get();
                assertThat(arm.vcpuHour() / x86.vcpuHour()).as(region).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.001));
                assertThat(arm.gbHour() / x86.gbHour()).as(region).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.002));
            });
        }
    }

    @Test
    void aRegionNotInTheTableIsEmpty() {
        assertThat(BundledPrices.forRegion("xx-nowhere-9")).isEmpty();
    }
}
