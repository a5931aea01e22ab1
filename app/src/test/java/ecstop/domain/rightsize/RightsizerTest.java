package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.rightsize.Recommendation.Platform;
import ecstop.domain.rightsize.Recommendation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rule on hand-made inputs; every expected figure is worked out in the comment beside it. */
class RightsizerTest {
    static final Duration DAYS_14 = Duration.ofDays(14);
    static final Duration HOUR = Duration.ofHours(1);
    static final FargatePrices US_EAST_1 = BundledPrices.forRegion("us-east-1").orElseThrow();

    static Series series(double... values) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Point(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i), values[i]));
        }
        return new Series(points);
    }

    /** n values: all {@code base}, one {@code peak}. */
    static Series flat(int n, double base, double peak) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, base);
        v[n / 2] = peak;
        return series(v);
    }

    static TaskDefinition fargate(int cpu, int memory, String arch) {
        return new TaskDefinition("arn:aws:ecs:us-east-1:1:task-definition/web:3", "web", 3, List.of("FARGATE"),
                OptionalInt.of(cpu), OptionalInt.of(memory), arch, "LINUX",
                List.of(new ContainerSize("app", 0, OptionalInt.empty(), OptionalInt.empty())));
    }

    static TaskDefinition ec2(int cpu, Integer hard, Integer soft) {
        return new TaskDefinition("arn:aws:ecs:us-east-1:1:task-definition/worker:7", "worker", 7, List.of("EC2"),
                OptionalInt.empty(), OptionalInt.empty(), null, null,
                List.of(new ContainerSize("app", cpu, hard == null ? OptionalInt.empty() : OptionalInt.of(hard),
                        soft == null ? OptionalInt.empty() : OptionalInt.of(soft))));
    }

    static RightsizeInput input(String launchType, int tasks, TaskDefinition td, Series cpu, Series memory,
                                List<ScalingPolicy> policies, OptionalInt oom) {
        return new RightsizeInput("svc", launchType, tasks, Optional.ofNullable(td), cpu, memory, policies, oom, DAYS_14, HOUR,
                Optional.of(US_EAST_1));
    }

    static Recommendation run(RightsizeInput in) {
        return Rightsizer.recommend(in, RightsizeRule.DEFAULT);
    }

    @Test
    void anOversizedFargateServiceShrinksAndSavesWhatTheArithmeticSays() {
        // 1 vCPU / 2 GB, 3 tasks; p99 of 336 hourly maxima: rank ceil(0.99 × 336) = 333.
        double[] cpu = new double[336];
        double[] mem = new double[336];
        for (int i = 0; i < 336; i++) {
            cpu[i] = 10 + (i % 10);       // 10..19
            mem[i] = 20 + (i % 6);        // 20..25
        }
        Recommendation r = run(input("FARGATE", 3, fargate(1024, 2048, "X86_64"), series(cpu), series(mem), List.of(),
                OptionalInt.empty()));

        // CPU: p99 = 19% → 0.19 × 1024 = 194.56 units, × 1.2 = 233.472 → 256.
        assertThat(r.cpu().percentile()).hasValue(19);
        assertThat(r.cpu().observed().getAsDouble()).isCloseTo(194.56, offset(1e-9));
        assertThat(r.cpu().needed().getAsDouble()).isCloseTo(233.472, offset(1e-9));
        // Memory: p99 = 25% → 512 MiB, × 1.2 = 614.4 → at 256 CPU units the next memory is 1024.
        assertThat(r.memory().observed().getAsDouble()).isCloseTo(512, offset(1e-9));
        assertThat(r.recommended()).contains(new TaskSize(256, 1024));
        assertThat(r.status()).isEqualTo(Status.OVERSIZED);
        assertThat(r.platform()).isEqualTo(Platform.FARGATE);
        // Now: (1 × 0.04048 + 2 × 0.004445) × 730 = 36.0401 a task; then (0.25 × 0.04048 + 1 × 0.004445) × 730 = 10.63245.
        Recommendation.Cost c = r.cost().orElseThrow();
        assertThat(c.currentMonthlyPerTask()).isCloseTo(36.0401, offset(1e-9));
        assertThat(c.recommendedMonthlyPerTask()).isCloseTo(10.63245, offset(1e-9));
        assertThat(c.monthlyDelta()).isCloseTo(3 * (10.63245 - 36.0401), offset(1e-9));
        assertThat(r.monthlySavings()).hasValue(3 * (36.0401 - 10.63245));
        assertThat(c.priceSource()).contains("bundled");
        assertThat(r.cpu().maxima()).hasSize(336);
    }

    @Test
    void armTasksArePricedAtTheArmRate() {
        Recommendation r = run(input("FARGATE", 1, fargate(1024, 2048, "ARM64"), flat(50, 10, 10), flat(50, 20, 20),
                List.of(), OptionalInt.empty()));

        assertThat(r.cost().orElseThrow().rate()).isEqualTo(new FargatePrices.Rate(0.03238, 0.00356));
    }

    @Test
    void aPeakAtTheLimitIsUnderProvisionedOnlyGrownAndNeverASaving() {
        // CPU mostly 30% but one period at 100%: under-provisioned. Memory at 10% would shrink, but is kept.
        Recommendation r = run(input("FARGATE", 2, fargate(1024, 4096, "X86_64"), flat(50, 30, 100), flat(50, 10, 10),
                List.of(), OptionalInt.empty()));

        assertThat(r.status()).isEqualTo(Status.UNDER_PROVISIONED);
        assertThat(r.cpu().underProvisioned()).containsExactly("peak 100.0% >= 100% of the reservation");
        // p99 of 50 values is the peak: 100% × 1024 × 1.2 = 1228.8 → 2048 CPU units; memory kept at 4096.
        assertThat(r.recommended()).contains(new TaskSize(2048, 4096));
        assertThat(r.monthlySavings()).isEmpty();
        assertThat(r.cost().orElseThrow().monthlyDelta()).isPositive();
    }

    @Test
    void oomKillsMakeMemoryUnderProvisionedEvenBelowThePeak() {
        Recommendation r = run(input("FARGATE", 1, fargate(512, 1024, "X86_64"), flat(50, 20, 20), flat(50, 40, 60),
                List.of(), OptionalInt.of(3)));

        assertThat(r.status()).isEqualTo(Status.UNDER_PROVISIONED);
        assertThat(r.memory().underProvisioned()).containsExactly("3 OOM kills");
        // Never below what it has: 60% × 1024 × 1.2 = 737 asks less, so 1024 stays; CPU kept at 512.
        assertThat(r.recommended()).contains(new TaskSize(512, 1024));
        assertThat(r.oomKills()).hasValue(3);
        assertThat(r.monthlySavings()).isEmpty();
    }

    @Test
    void anAxisTrackedByTargetTrackingKeepsItsSize() {
        ScalingPolicy cpuPolicy = new ScalingPolicy("cpu70", ScalingPolicy.TARGET_TRACKING, ScalingPolicy.CPU_PREDEFINED, "");
        Recommendation r = run(input("FARGATE", 4, fargate(1024, 8192, "X86_64"), flat(50, 5, 5), flat(50, 10, 10),
                List.of(cpuPolicy), OptionalInt.empty()));

        // CPU would go to 256 on its own, but is tracked: 1024 stays. Memory: 10% of 8192 × 1.2 = 983 → 2048 at 1024 units.
        assertThat(r.cpu().trackedBy()).contains("target tracking on ECSServiceAverageCPUUtilization");
        assertThat(r.recommended()).contains(new TaskSize(1024, 2048));
        assertThat(r.status()).isEqualTo(Status.OVERSIZED);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("CPU: target tracking"));
    }

    @Test
    void bothAxesTrackedIsNoRecommendation() {
        List<ScalingPolicy> both = List.of(
                new ScalingPolicy("c", ScalingPolicy.TARGET_TRACKING, ScalingPolicy.CPU_PREDEFINED, ""),
                new ScalingPolicy("m", ScalingPolicy.TARGET_TRACKING, ScalingPolicy.MEMORY_PREDEFINED, ""));
        Recommendation r = run(input("FARGATE", 4, fargate(1024, 8192, "X86_64"), flat(50, 5, 5), flat(50, 10, 10),
                both, OptionalInt.empty()));

        assertThat(r.status()).isEqualTo(Status.TRACKED);
        assertThat(r.recommended()).contains(new TaskSize(1024, 8192));
        assertThat(r.monthlySavings()).isEmpty();
    }

    @Test
    void noDatapointsIsNoDataNeverZero() {
        Recommendation r = run(input("FARGATE", 0, fargate(1024, 2048, "X86_64"), Series.EMPTY, Series.EMPTY, List.of(),
                OptionalInt.empty()));

        assertThat(r.status()).isEqualTo(Status.NO_DATA);
        assertThat(r.recommended()).isEmpty();
        assertThat(r.cost()).isEmpty();
        assertThat(r.cpu().peak()).isEmpty();
        assertThat(r.cpu().percentile()).isEmpty();
    }

    @Test
    void withoutATaskDefinitionThereIsNothingToSize() {
        Recommendation r = run(input("FARGATE", 2, null, flat(50, 5, 5), flat(50, 5, 5), List.of(), OptionalInt.empty()));

        assertThat(r.status()).isEqualTo(Status.NO_DATA);
        assertThat(r.notes()).contains("the task definition could not be read");
    }

    @Test
    void ec2ReservationsShrinkInUnitsAndMiBWithoutDollars() {
        // 1024 units, hard limit 2048 MiB; p99 = peak of 50 values: 20% and 30%.
        Recommendation r = run(input("EC2", 5, ec2(1024, 2048, null), flat(50, 10, 20), flat(50, 25, 30), List.of(),
                OptionalInt.empty()));

        // CPU: 0.2 × 1024 × 1.2 = 245.76 → 256 (a step of 64). Memory: 0.3 × 2048 × 1.2 = 737.28 → 768.
        assertThat(r.platform()).isEqualTo(Platform.EC2);
        assertThat(r.cpu().recommended()).hasValue(256);
        assertThat(r.memory().recommended()).hasValue(768);
        assertThat(r.cpu().change()).hasValue(-768);
        assertThat(r.memory().change()).hasValue(-1280);
        assertThat(r.status()).isEqualTo(Status.OVERSIZED);
        assertThat(r.cost()).isEmpty();
        assertThat(r.monthlySavings()).isEmpty();
    }

    /** On EC2 the CPU reservation is a share: 250% is real use, so the reservation should be 2.5 × and more. */
    @Test
    void valuesAbove100PercentOnEc2AreUseBeyondTheShare() {
        Recommendation r = run(input("EC2", 1, ec2(256, 512, null), flat(50, 120, 250), flat(50, 50, 50), List.of(),
                OptionalInt.empty()));

        // 2.5 × 256 × 1.2 = 768.
        assertThat(r.status()).isEqualTo(Status.UNDER_PROVISIONED);
        assertThat(r.cpu().recommended()).hasValue(768);
        assertThat(r.memory().recommended()).hasValue(512);
        assertThat(r.notes()).anyMatch(n -> n.contains("a share, not a cap"));
    }

    /** With only a soft limit, memory passes 100% of the reservation: under-provisioned, and sized from the real use. */
    @Test
    void ec2SoftLimitsAreTheBaseAndPassingThemIsUnderProvisioned() {
        Recommendation r = run(input("EC2", 2, ec2(256, null, 512), flat(50, 20, 20), flat(50, 90, 140), List.of(),
                OptionalInt.empty()));

        // 1.4 × 512 × 1.2 = 860.16 → 896.
        assertThat(r.memory().reserved()).hasValue(512);
        assertThat(r.memory().recommended()).hasValue(896);
        assertThat(r.cpu().recommended()).hasValue(256);
        assertThat(r.status()).isEqualTo(Status.UNDER_PROVISIONED);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("memory: a soft limit"));
    }

    @Test
    void ec2WithNoCpuReservedSizesMemoryOnly() {
        Recommendation r = run(input("EC2", 1, ec2(0, 1024, null), flat(50, 10, 10), flat(50, 10, 10), List.of(),
                OptionalInt.empty()));

        assertThat(r.cpu().recommended()).isEmpty();
        assertThat(r.memory().recommended()).hasValue(128); // 0.1 × 1024 × 1.2 = 122.88 → 128
        assertThat(r.status()).isEqualTo(Status.OVERSIZED);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("CPU: nothing reserved"));
    }

    @Test
    void lessHeadroomThanTheRuleAsksIsGrowNotUnderProvisioned() {
        Recommendation r = run(input("FARGATE", 1, fargate(512, 1024, "X86_64"), flat(50, 85, 90), flat(50, 20, 20), List.of(),
                OptionalInt.empty()));

        // 0.9 × 512 × 1.2 = 552.96 → 1024 CPU units, and 2048 MiB with it.
        assertThat(r.status()).isEqualTo(Status.GROW);
        assertThat(r.recommended()).contains(new TaskSize(1024, 2048));
        assertThat(r.monthlySavings()).isEmpty();
    }

    @Test
    void windowsAndUnpricedRegionsKeepTheSizeButNotTheDollars() {
        TaskDefinition windows = new TaskDefinition("arn:td/w:1", "w", 1, List.of("FARGATE"), OptionalInt.of(1024),
                OptionalInt.of(2048), "X86_64", "WINDOWS_SERVER_2022_CORE", List.of());
        Recommendation r = run(input("FARGATE", 1, windows, flat(50, 10, 10), flat(50, 10, 10), List.of(), OptionalInt.empty()));
        assertThat(r.recommended()).isPresent();
        assertThat(r.cost()).isEmpty();

        RightsizeInput noPrices = new RightsizeInput("svc", "FARGATE", 1, Optional.of(fargate(1024, 2048, "X86_64")),
                flat(50, 10, 10), flat(50, 10, 10), List.of(), OptionalInt.empty(), DAYS_14, HOUR, Optional.empty());
        Recommendation p = run(noPrices);
        assertThat(p.status()).isEqualTo(Status.OVERSIZED);
        assertThat(p.cost()).isEmpty();
        assertThat(p.notes()).contains("no Fargate price for this region: dollars unknown");
    }

    @Test
    void theLaunchTypeOrTheTaskDefinitionSaysFargate() {
        assertThat(Rightsizer.platform("", Optional.of(fargate(256, 512, null)))).isEqualTo(Platform.FARGATE);
        assertThat(Rightsizer.platform("CAPACITY_PROVIDER", Optional.of(fargate(256, 512, null)))).isEqualTo(Platform.EC2);
        assertThat(Rightsizer.platform("EC2", Optional.empty())).isEqualTo(Platform.EC2);
    }

    @Test
    void aShortLookbackIsWarnedAbout() {
        assertThat(RightsizeRule.DEFAULT.lookbackWarning(Duration.ofDays(14))).isEmpty();
        assertThat(RightsizeRule.DEFAULT.lookbackWarning(Duration.ofHours(24))).get().asString()
                .contains("shorter than 14 days");
        assertThat(RightsizeRule.DEFAULT.describe())
                .isEqualTo("recommended = smallest valid size >= p99 of the per-period maxima x 1.2 (20% headroom), over at least 14 days");
    }

    /**
     * Properties over random services: the Fargate size is always valid, never below
     * use × (1 + headroom) on an untracked axis, and grows (never shrinks) with the use.
     */
    @Test
    void theRuleIsValidSufficientAndMonotonic() {
        Random random = new Random(7);
        List<TaskSize> sizes = FargateSizes.all();
        for (int i = 0; i < 3000; i++) {
            TaskSize now = sizes.get(random.nextInt(sizes.size()));
            double cpuLevel = random.nextDouble() * 99;
            double memLevel = random.nextDouble() * 99;
            RightsizeRule rule = new RightsizeRule(50 + random.nextInt(51), random.nextInt(60));
            Recommendation a = Rightsizer.recommend(input("FARGATE", 1, fargate(now.cpu(), now.memory(), null),
                    flat(40, cpuLevel * 0.8, cpuLevel), flat(40, memLevel * 0.8, memLevel), List.of(), OptionalInt.empty()), rule);
            if (a.recommended().isEmpty()) {
                continue;
            }
            TaskSize rec = a.recommended().get();
            assertThat(FargateSizes.valid(rec)).isTrue();
            assertThat((double) rec.cpu()).isGreaterThanOrEqualTo(a.cpu().needed().getAsDouble() - 1e-9);
            assertThat((double) rec.memory()).isGreaterThanOrEqualTo(a.memory().needed().getAsDouble() - 1e-9);
            Recommendation b = Rightsizer.recommend(input("FARGATE", 1, fargate(now.cpu(), now.memory(), null),
                    flat(40, cpuLevel * 0.9, cpuLevel * 1.01), flat(40, memLevel * 0.9, memLevel * 1.01), List.of(),
                    OptionalInt.empty()), rule);
            b.recommended().ifPresent(more -> {
                assertThat(more.cpu()).isGreaterThanOrEqualTo(rec.cpu());
                assertThat(more.memory()).isGreaterThanOrEqualTo(rec.memory());
            });
        }
    }
}
