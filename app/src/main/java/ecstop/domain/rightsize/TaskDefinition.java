package ecstop.domain.rightsize;

import ecstop.domain.Metric;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The sizes a task definition revision reserves, as DescribeTaskDefinition returns them.
 * A revision never changes, so one read serves the life of the process.
 *
 * <p>CloudWatch's service CPUUtilization and MemoryUtilization are percentages of what the
 * task definition specifies: the task-level {@code cpu} and {@code memory} when set, else
 * the sum over the containers (each container's soft limit, {@code memoryReservation},
 * where it has one, else its hard limit). {@link #reserved(Metric)} is that base, so a
 * percentage times it is the use in CPU units or MiB.
 *
 * @param cpuArchitecture X86_64 or ARM64 (X86_64 when the definition names none)
 * @param osFamily        LINUX unless the runtime platform says otherwise
 */
public record TaskDefinition(
        String arn,
        String family,
        int revision,
        List<String> requiresCompatibilities,
        OptionalInt cpu,
        OptionalInt memory,
        String cpuArchitecture,
        String osFamily,
        List<ContainerSize> containers) {

    public static final String X86_64 = "X86_64";
    public static final String ARM64 = "ARM64";
    public static final String LINUX = "LINUX";

    public TaskDefinition {
        Objects.requireNonNull(arn, "arn");
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
        containers = List.copyOf(containers);
        cpuArchitecture = cpuArchitecture == null || cpuArchitecture.isBlank() ? X86_64 : cpuArchitecture;
        osFamily = osFamily == null || osFamily.isBlank() ? LINUX : osFamily;
    }

    /** The base CloudWatch divides by; empty when nothing is reserved on that axis. */
    public OptionalInt reserved(Metric axis) {
        OptionalInt taskLevel = axis == Metric.CPU ? cpu : memory;
        if (taskLevel.isPresent()) {
            return taskLevel;
        }
        int sum = 0;
        for (ContainerSize c : containers) {
            sum += axis == Metric.CPU ? c.cpu() : c.reservedMemory().orElse(0);
        }
        return sum > 0 ? OptionalInt.of(sum) : OptionalInt.empty();
    }

    /** True when the size is the task's own; false when it is the containers' sum. */
    public boolean taskLevel(Metric axis) {
        return (axis == Metric.CPU ? cpu : memory).isPresent();
    }

    /** Memory reserved by soft limits only: tasks may use more than the base, so MemoryUtilization passes 100%. */
    public boolean softMemoryLimit() {
        return memory.isEmpty() && containers.stream().anyMatch(c -> c.memoryReservation().isPresent());
    }
}
