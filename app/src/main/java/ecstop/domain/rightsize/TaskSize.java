package ecstop.domain.rightsize;

/** A task's size in ECS's own units: CPU units (1,024 to a vCPU) and MiB. */
public record TaskSize(int cpu, int memory) {
    public TaskSize {
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("negative size: " + cpu + " CPU units, " + memory + " MiB");
        }
    }

    public double vcpu() {
        return cpu / 1024.0;
    }

    public double gib() {
        return memory / 1024.0;
    }

    /** "512/1024": CPU units and MiB, as a task definition writes them. */
    @Override
    public String toString() {
        return cpu + "/" + memory;
    }
}
