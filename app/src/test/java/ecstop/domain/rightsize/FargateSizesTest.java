package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The valid combinations against the ECS developer guide's task size table (AWS-FACTS.md), and the "smallest" rule. */
class FargateSizesTest {

    @Test
    void theTableIsAwsTaskSizeTable() {
        Map<Integer, List<Integer>> byCpu = FargateSizes.all().stream().collect(Collectors.groupingBy(TaskSize::cpu,
                TreeMap::new, Collectors.mapping(TaskSize::memory, Collectors.toList())));

        assertThat(byCpu.keySet()).containsExactly(256, 512, 1024, 2048, 4096, 8192, 16384);
        assertThat(byCpu.get(256)).containsExactly(512, 1024, 2048);
        assertThat(byCpu.get(512)).containsExactly(1024, 2048, 3072, 4096);
        assertThat(byCpu.get(1024)).containsExactly(2048, 3072, 4096, 5120, 6144, 7168, 8192);
        assertThat(byCpu.get(2048)).hasSize(13).startsWith(4096, 5120).endsWith(16384);
        assertThat(byCpu.get(4096)).hasSize(23).startsWith(8192, 9216).endsWith(30720);
        assertThat(byCpu.get(8192)).hasSize(12).startsWith(16384, 20480).endsWith(61440);
        assertThat(byCpu.get(16384)).hasSize(12).startsWith(32768, 40960).endsWith(122880);
        assertThat(FargateSizes.all()).hasSize(74);
    }

    @Test
    void combinationsOutsideTheTableAreInvalid() {
        assertThat(FargateSizes.valid(new TaskSize(256, 512))).isTrue();
        assertThat(FargateSizes.valid(new TaskSize(256, 3072))).isFalse();
        assertThat(FargateSizes.valid(new TaskSize(512, 512))).isFalse();
        assertThat(FargateSizes.valid(new TaskSize(1024, 1536))).isFalse();
        assertThat(FargateSizes.valid(new TaskSize(8192, 18432))).isFalse();
        assertThat(FargateSizes.valid(new TaskSize(16384, 36864))).isFalse();
        assertThat(FargateSizes.valid(new TaskSize(300, 1024))).isFalse();
    }

    @Test
    void smallestAtLeastRoundsUpOnBothAxes() {
        assertThat(FargateSizes.smallestAtLeast(100, 100)).contains(new TaskSize(256, 512));
        assertThat(FargateSizes.smallestAtLeast(256, 512)).contains(new TaskSize(256, 512));
        assertThat(FargateSizes.smallestAtLeast(257, 512)).contains(new TaskSize(512, 1024));
        // 3 GB does not fit 0.25 vCPU: the CPU goes up for the memory's sake.
        assertThat(FargateSizes.smallestAtLeast(100, 3000)).contains(new TaskSize(512, 3072));
        assertThat(FargateSizes.smallestAtLeast(4096, 31000)).contains(new TaskSize(8192, 32768));
        assertThat(FargateSizes.smallestAtLeast(16384, 122880)).contains(new TaskSize(16384, 122880));
        assertThat(FargateSizes.smallestAtLeast(16385, 1)).isEmpty();
        assertThat(FargateSizes.smallestAtLeast(1, 122881)).isEmpty();
    }

    /** Properties over many random needs and prices: valid, never below the need, cheapest, monotonic. */
    @Test
    void theSmallestIsValidSufficientCheapestAndMonotonic() {
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            double cpu = random.nextDouble() * 17_000;
            double memory = random.nextDouble() * 125_000;
            Optional<TaskSize> got = FargateSizes.smallestAtLeast(cpu, memory);
            List<TaskSize> fitting = FargateSizes.all().stream().filter(s -> s.cpu() >= cpu && s.memory() >= memory).toList();
            assertThat(got.isPresent()).isEqualTo(!fitting.isEmpty());
            if (got.isEmpty()) {
                continue;
            }
            TaskSize s = got.get();
            assertThat(FargateSizes.valid(s)).isTrue();
            assertThat(s.cpu()).isGreaterThanOrEqualTo((int) Math.ceil(cpu));
            assertThat(s.memory()).isGreaterThanOrEqualTo((int) Math.ceil(memory));
            FargatePrices.Rate rate = new FargatePrices.Rate(0.001 + random.nextDouble(), 0.0001 + random.nextDouble());
            double cheapest = fitting.stream().mapToDouble(rate::hourly).min().getAsDouble();
            assertThat(rate.hourly(s)).isLessThanOrEqualTo(cheapest + 1e-12);
            TaskSize more = FargateSizes.smallestAtLeast(cpu * 1.1, memory * 1.1).orElse(new TaskSize(99_999, 999_999));
            assertThat(more.cpu()).isGreaterThanOrEqualTo(s.cpu());
            assertThat(more.memory()).isGreaterThanOrEqualTo(s.memory());
        }
    }
}
