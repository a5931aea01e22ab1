package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Metric;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {
    static TaskDefinition containers(ContainerSize... cs) {
        return new TaskDefinition("arn:td/x:1", "x", 1, List.of("EC2"), OptionalInt.empty(), OptionalInt.empty(), null, null,
                List.of(cs));
    }

    @Test
    void taskLevelSizesWin() {
        TaskDefinition td = new TaskDefinition("arn:td/x:1", "x", 1, List.of("FARGATE"), OptionalInt.of(512), OptionalInt.of(1024),
                "", "", List.of(new ContainerSize("app", 128, OptionalInt.of(256), OptionalInt.empty())));

        assertThat(td.reserved(Metric.CPU)).hasValue(512);
        assertThat(td.reserved(Metric.MEMORY)).hasValue(1024);
        assertThat(td.taskLevel(Metric.CPU)).isTrue();
        assertThat(td.cpuArchitecture()).isEqualTo(TaskDefinition.X86_64);
        assertThat(td.osFamily()).isEqualTo(TaskDefinition.LINUX);
        assertThat(td.softMemoryLimit()).isFalse();
    }

    /** Without task-level sizes: the containers' CPU, and each container's soft limit where set, else its hard limit. */
    @Test
    void containerSumsUseTheSoftLimitWhereThereIsOne() {
        TaskDefinition td = containers(
                new ContainerSize("app", 512, OptionalInt.of(2048), OptionalInt.of(1024)),
                new ContainerSize("sidecar", 128, OptionalInt.of(256), OptionalInt.empty()),
                new ContainerSize("logs", 0, OptionalInt.empty(), OptionalInt.of(64)));

        assertThat(td.reserved(Metric.CPU)).hasValue(640);
        assertThat(td.reserved(Metric.MEMORY)).hasValue(1024 + 256 + 64);
        assertThat(td.taskLevel(Metric.MEMORY)).isFalse();
        assertThat(td.softMemoryLimit()).isTrue();
    }

    @Test
    void nothingReservedIsEmptyNotZero() {
        TaskDefinition td = containers(new ContainerSize("app", 0, OptionalInt.of(512), OptionalInt.empty()));

        assertThat(td.reserved(Metric.CPU)).isEmpty();
        assertThat(td.reserved(Metric.MEMORY)).hasValue(512);
    }
}
