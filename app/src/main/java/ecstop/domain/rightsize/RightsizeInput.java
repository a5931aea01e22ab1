package ecstop.domain.rightsize;

import ecstop.domain.Series;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the rule needs about one service. {@code cpuMaxima} and {@code memoryMaxima}
 * are CloudWatch's per-period Maximum of CPUUtilization and MemoryUtilization (the most
 * loaded task in each period), in percent of the task definition's reservation.
 *
 * @param launchType as DescribeServices reports it (FARGATE, EC2, CAPACITY_PROVIDER, EXTERNAL or blank)
 * @param oomKills   OOM kills seen in the window, when they are known
 * @param prices     the region's Fargate prices, when known
 */
public record RightsizeInput(
        String service,
        String launchType,
        int runningTasks,
        Optional<TaskDefinition> taskDefinition,
        Series cpuMaxima,
        Series memoryMaxima,
        List<ScalingPolicy> policies,
        OptionalInt oomKills,
        Duration lookback,
        Duration period,
        Optional<FargatePrices> prices) {

    public RightsizeInput {
        policies = List.copyOf(policies);
    }
}
