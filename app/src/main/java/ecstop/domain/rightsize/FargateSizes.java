package ecstop.domain.rightsize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CPU and memory combinations Fargate accepts for a Linux task (the ECS developer
 * guide's task size table): 256 CPU units with 512, 1024 or 2048 MiB; 512 with 1–4 GB,
 * 1024 with 2–8 GB, 2048 with 4–16 GB, 4096 with 8–30 GB, all in 1 GB steps; 8192 with
 * 16–60 GB in 4 GB steps; 16384 with 32–120 GB in 8 GB steps.
 */
public final class FargateSizes {
    private record Band(int cpu, int minMemory, int maxMemory, int step) {}

    private static final List<Band> BANDS = List.of(
            new Band(512, 1024, 4096, 1024),
            new Band(1024, 2048, 8192, 1024),
            new Band(2048, 4096, 16384, 1024),
            new Band(4096, 8192, 30720, 1024),
            new Band(8192, 16384, 61440, 4096),
            new Band(16384, 32768, 122880, 8192));

    private static final List<TaskSize> ALL = build();

    private FargateSizes() {}

    private static List<TaskSize> build() {
        List<TaskSize> out = new ArrayList<>();
        // 256 is the one band whose memories are not evenly stepped.
        for (int m : new int[] {512, 1024, 2048}) {
            out.add(new TaskSize(256, m));
        }
        for (Band b : BANDS) {
            for (int m = b.minMemory; m <= b.maxMemory; m += b.step) {
                out.add(new TaskSize(b.cpu, m));
            }
        }
        return List.copyOf(out);
    }

    /** Every valid size, by CPU then memory. */
    public static List<TaskSize> all() {
        return ALL;
    }

    public static boolean valid(TaskSize size) {
        return ALL.contains(size);
    }

    /**
     * The smallest valid size with at least {@code cpu} CPU units and {@code memory} MiB: the
     * least CPU that admits that much memory, then the least memory with it. That is also the
     * cheapest at any positive vCPU-hour and GB-hour price, because a larger CPU never admits a
     * smaller memory (FargateSizesTest checks it against every combination). Empty when even
     * 16 vCPU / 120 GB is too small.
     */
    public static Optional<TaskSize> smallestAtLeast(double cpu, double memory) {
        for (TaskSize s : ALL) {
            if (s.cpu() >= cpu && s.memory() >= memory) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
