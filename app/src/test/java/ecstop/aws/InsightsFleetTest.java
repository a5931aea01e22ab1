package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.Stat;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The query ecs-top sends and how it reads the labels CloudWatch sends back. */
class InsightsFleetTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");

    @Test
    void theQueryGroupsByClusterAndServiceAndRanksTheWholeWindow() {
        assertThat(InsightsFleet.expression(Metric.CPU, Stat.MAX, false)).isEqualTo(
                "SELECT MAX(CPUUtilization) FROM SCHEMA(\"AWS/ECS\", ClusterName, ServiceName)"
                        + " GROUP BY ClusterName, ServiceName ORDER BY MAX() DESC LIMIT 500");
        assertThat(InsightsFleet.expression(Metric.MEMORY, Stat.AVG, true)).isEqualTo(
                "SELECT AVG(MemoryUtilization) FROM SCHEMA(\"AWS/ECS\", ClusterName, ServiceName)"
                        + " GROUP BY ClusterName, ServiceName, AWS.AccountId ORDER BY AVG() DESC LIMIT 500");
    }

    @Test
    void aLabelSplitsIntoExactlyTheGroupByValuesOrNotAtAll() {
        assertThat(InsightsFleet.key("storage-prod storage-prod_replicator", false)).contains(
                new InsightsFleet.Key(Optional.empty(), "storage-prod", "storage-prod_replicator"));
        assertThat(InsightsFleet.key("prod web 123456789012", true)).contains(
                new InsightsFleet.Key(Optional.of("123456789012"), "prod", "web"));
        // What the client cannot read for sure, it does not guess at.
        assertThat(InsightsFleet.key("prod web 123456789012", false)).isEmpty();
        assertThat(InsightsFleet.key("prod web", true)).isEmpty();
        assertThat(InsightsFleet.key("prod web Other", true)).isEmpty();
        assertThat(InsightsFleet.key("prod  web", false)).isEmpty();
        assertThat(InsightsFleet.key("prod", false)).isEmpty();
        assertThat(InsightsFleet.key(null, false)).isEmpty();
    }

    @Test
    void metricsInsightsServesWindowsThatStartAtMostTwoWeeksBack() {
        assertThat(InsightsFleet.serves(Periods.window(Lookback.days(14), NOW), NOW)).isTrue();
        assertThat(InsightsFleet.serves(Periods.window(Lookback.parse("13d").get(), NOW), NOW)).isTrue();
        assertThat(InsightsFleet.serves(Periods.window(Lookback.parse("15d").get(), NOW), NOW)).isFalse();
        assertThat(InsightsFleet.serves(Periods.window(Lookback.days(30), NOW), NOW)).isFalse();
    }

    private static InsightsFleet.Answer answer(int returned, boolean capped, boolean sampled) {
        java.util.Set<Metric> none = java.util.EnumSet.noneOf(Metric.class);
        return new InsightsFleet.Answer(java.util.Map.of(), new ecstop.domain.FleetLimits(
                capped ? java.util.EnumSet.of(Metric.CPU) : none, sampled ? java.util.EnumSet.of(Metric.CPU) : none, false),
                1, returned);
    }

    @Test
    void whatAQueryAnalysedIsCountedFromTheAnswerAndTheClusterList() {
        OptionalLong none = OptionalLong.empty();
        // Not capped: every series matched came back.
        assertThat(InsightsFleet.analysed(answer(320, false, false), OptionalLong.of(400), false))
                .isEqualTo(new InsightsFleet.Analysed(320, 320));
        // CloudWatch stopped at 10,000: it analysed exactly those.
        assertThat(InsightsFleet.analysed(answer(500, true, true), none, true)).isEqualTo(new InsightsFleet.Analysed(10_000, 10_000));
        // Capped at 500: the cluster list's services, never fewer than returned nor more than 10,000.
        assertThat(InsightsFleet.analysed(answer(500, true, false), OptionalLong.of(5_000), false))
                .isEqualTo(new InsightsFleet.Analysed(5_000, 5_000));
        assertThat(InsightsFleet.analysed(answer(500, true, false), OptionalLong.of(480), false))
                .isEqualTo(new InsightsFleet.Analysed(500, 500));
        assertThat(InsightsFleet.analysed(answer(500, true, false), OptionalLong.of(40_000), false))
                .isEqualTo(new InsightsFleet.Analysed(10_000, 10_000));
        // No list, or other accounts' series: a range up to the most a query processes.
        assertThat(InsightsFleet.analysed(answer(500, true, false), none, false)).isEqualTo(new InsightsFleet.Analysed(500, 10_000));
        assertThat(InsightsFleet.analysed(answer(500, true, false), OptionalLong.of(800), true))
                .isEqualTo(new InsightsFleet.Analysed(800, 10_000));
    }
}
