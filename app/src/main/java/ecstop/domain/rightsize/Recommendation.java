package ecstop.domain.rightsize;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one service should reserve, with every input that led there.
 *
 * @param platform       FARGATE (a valid task size, priced) or EC2 (reservations on your own hosts, in units)
 * @param oomKills       known OOM kills in the window, empty when unknown
 * @param current        the task size now (Fargate; on EC2 the reserved CPU units and MiB)
 * @param recommended    the size the rule gives (empty when there is none: no data, nothing reserved, too big for Fargate)
 * @param cost           Fargate dollars, when the region's price for the architecture is known
 */
public record Recommendation(
        String service,
        Platform platform,
        String launchType,
        int runningTasks,
        Optional<TaskDefinition> taskDefinition,
        RightsizeRule rule,
        Duration lookback,
        Duration period,
        OptionalInt oomKills,
        List<ScalingPolicy> policies,
        AxisSizing cpu,
        AxisSizing memory,
        Status status,
        Optional<TaskSize> current,
        Optional<TaskSize> recommended,
        Optional<Cost> cost,
        List<String> notes) {

    public enum Platform { FARGATE, EC2 }

    public enum Status {
        /** Peak at or above the limit, or OOM kills: grow it; never a saving. */
        UNDER_PROVISIONED("under-provisioned"),
        /** Below the limit but with less headroom than the rule asks: grow it. */
        GROW("grow"),
        /** The rule gives a smaller size. */
        OVERSIZED("oversized"),
        /** Smaller on one axis, larger on the other, and no price to weigh them (EC2, or no price). */
        RESIZE("resize"),
        RIGHT_SIZED("right-sized"),
        /** Target tracking answers both axes: scaling out, not resizing. */
        TRACKED("scaling policy"),
        /** No datapoints, no task definition or nothing reserved: nothing to go on. */
        NO_DATA("no data");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Fargate dollars: a task's month (730 hours) at the current and the recommended size, and
     * the difference for all running tasks (negative saves).
     */
    public record Cost(FargatePrices.Rate rate, String priceSource, double currentMonthlyPerTask,
                       double recommendedMonthlyPerTask, double monthlyDelta) {}

    public Recommendation {
        policies = List.copyOf(policies);
        notes = List.copyOf(notes);
    }

    /** What it saves a month: only an oversized service saves; everything else is empty. */
    public OptionalDouble monthlySavings() {
        return status == Status.OVERSIZED && cost.isPresent() && cost.get().monthlyDelta() < 0
                ? OptionalDouble.of(-cost.get().monthlyDelta()) : OptionalDouble.empty();
    }
}
