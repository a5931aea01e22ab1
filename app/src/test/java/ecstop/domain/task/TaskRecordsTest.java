package ecstop.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ClusterRef;
import ecstop.domain.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the task records read out of AWS's strings. */
class TaskRecordsTest {
    static final ClusterRef CLUSTER = new ClusterRef(Target.of("default", "us-east-1"), "prod");

    static RunningTask task(String group, String taskDefinitionArn) {
        return new RunningTask(CLUSTER, "arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd", "0123abcd", group,
                taskDefinitionArn, "RUNNING", null, "FARGATE", "us-east-1a", Optional.empty(), OptionalInt.of(512),
                OptionalInt.of(1024), Optional.empty(), List.of());
    }

    @Test
    void insightsLevelsReadAsDescribeClustersWritesThem() {
        assertThat(InsightsLevel.parse("enhanced")).isEqualTo(InsightsLevel.ENHANCED);
        assertThat(InsightsLevel.parse("ENABLED")).isEqualTo(InsightsLevel.ENABLED);
        assertThat(InsightsLevel.parse("disabled")).isEqualTo(InsightsLevel.DISABLED);
        assertThat(InsightsLevel.parse(null)).isEqualTo(InsightsLevel.DISABLED);
        assertThat(InsightsLevel.parse("something-new")).isEqualTo(InsightsLevel.DISABLED);
        assertThat(InsightsLevel.ENHANCED.perTask()).isTrue();
        assertThat(InsightsLevel.ENABLED.perTask()).isFalse();
    }

    @Test
    void aTaskKnowsItsServiceRevisionAndId() {
        RunningTask t = task("service:api", "arn:aws:ecs:us-east-1:123456789012:task-definition/api:42");

        assertThat(t.service()).contains("api");
        assertThat(t.revision()).hasValue(42);
        assertThat(t.healthStatus()).isEqualTo("UNKNOWN");
        assertThat(task("family:nightly", "arn:aws:ecs:us-east-1:1:task-definition/nightly").service()).isEmpty();
        assertThat(task("family:nightly", "arn:aws:ecs:us-east-1:1:task-definition/nightly").revision()).isEmpty();
        assertThat(RunningTask.idOf("arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd")).isEqualTo("0123abcd");
        assertThat(RunningTask.idOf("arn:aws:ecs:us-east-1:123456789012:task/0123abcd")).isEqualTo("0123abcd");
    }

    @Test
    void aScalingActivitySaysTheDesiredCountItSet() {
        ScalingActivity out = new ScalingActivity("id", "service/prod/api", "ecs:service:DesiredCount", Instant.EPOCH,
                Optional.empty(), "Setting desired count to 6.", "monitor alarm x in state ALARM triggered policy p", "Successful");
        ScalingActivity odd = new ScalingActivity(null, null, null, Instant.EPOCH, Optional.empty(), null, null, null);

        assertThat(out.desiredCount()).hasValue(6);
        assertThat(odd.desiredCount()).isEmpty();
        assertThat(odd.description()).isEmpty();
    }
}
