package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Metric;
import org.junit.jupiter.api.Test;

class ScalingPolicyTest {

    @Test
    void predefinedTargetTrackingTracksItsAxis() {
        assertThat(new ScalingPolicy("cpu", "TargetTrackingScaling", "ECSServiceAverageCPUUtilization", "").tracks())
                .contains(Metric.CPU);
        assertThat(new ScalingPolicy("mem", "TargetTrackingScaling", "ECSServiceAverageMemoryUtilization", "").tracks())
                .contains(Metric.MEMORY);
    }

    @Test
    void aCustomisedMetricTracksAnAxisOnlyWhenItIsTheEcsMetric() {
        assertThat(new ScalingPolicy("c", "TargetTrackingScaling", "CPUUtilization", "AWS/ECS").tracks()).contains(Metric.CPU);
        assertThat(new ScalingPolicy("c", "TargetTrackingScaling", "MemoryUtilization", "AWS/ECS").tracks()).contains(Metric.MEMORY);
        assertThat(new ScalingPolicy("c", "TargetTrackingScaling", "CPUUtilization", "MyApp").tracks()).isEmpty();
        assertThat(new ScalingPolicy("c", "TargetTrackingScaling", "QueueDepth", "MyApp").describe())
                .isEqualTo("target tracking on MyApp QueueDepth");
    }

    @Test
    void requestCountAndStepScalingTrackNeitherAxis() {
        assertThat(new ScalingPolicy("alb", "TargetTrackingScaling", "ALBRequestCountPerTarget", "").tracks()).isEmpty();
        ScalingPolicy step = new ScalingPolicy("step", "StepScaling", null, null);
        assertThat(step.tracks()).isEmpty();
        assertThat(step.describe()).isEqualTo("step scaling");
    }
}
