package ecstop.emulator;

import ecstop.emulator.LoadProfile.Trait;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered task definition revision, as DescribeTaskDefinition returns it. Fargate ones
 * have task-level sizes from Fargate's table (some ARM64); EC2 ones mostly size their
 * containers instead (a soft memory limit where the service's memory runs past 100%), with a
 * log-router sidecar now and then; a third have task-level sizes. Derived from the family's
 * hash, so every revision of a family has the same sizes and the metrics of the service
 * (percentages of these sizes) are untouched.
 *
 * @param cpu    task-level CPU units, or null
 * @param memory task-level MiB, or null
 */
record SimTaskDefinition(String family, int revision, String launchType, Integer cpu, Integer memory,
                         String cpuArchitecture, List<Container> containers) {

    /**
     * A container's cpu units (0 = unset), hard limit and soft limit in MiB (null = unset),
     * whether the task stops when it exits, and whether ECS restarts it in place when it exits
     * (a restart policy: Container Insights counts only such containers' restarts).
     */
    record Container(String name, int cpu, Integer memory, Integer memoryReservation, boolean essential, boolean restarts) {
        Container(String name, int cpu, Integer memory, Integer memoryReservation) {
            this(name, cpu, memory, memoryReservation, "app".equals(name), false);
        }
    }

    /** The task's CPU units: the task-level size, else its containers' together, else 1,024 (a vCPU). */
    int taskCpu() {
        if (cpu != null) {
            return cpu;
        }
        int sum = containers.stream().mapToInt(Container::cpu).sum();
        return sum > 0 ? sum : 1024;
    }

    /** The task's memory in MiB: the task-level size, else its containers' limits together. */
    int taskMemory() {
        if (memory != null) {
            return memory;
        }
        int sum = 0;
        for (Container c : containers) {
            sum += c.memory() != null ? c.memory() : c.memoryReservation() != null ? c.memoryReservation() : 0;
        }
        return sum > 0 ? sum : 2048;
    }

    private static final int[][] FARGATE_SIZES = {
        {256, 512}, {256, 1024}, {512, 1024}, {512, 2048}, {1024, 2048}, {1024, 4096},
        {2048, 4096}, {2048, 8192}, {4096, 8192}, {4096, 16384}};
    private static final int[] EC2_CPU = {256, 512, 1024};
    private static final int[] EC2_MEMORY = {512, 1024, 2048};

    static SimTaskDefinition of(long seedKey, SimService service, int revision) {
        long h = Hashing.of(seedKey, Hashing.of("task-definition/" + service.name()));
        String family = service.name();
        if (service.traits().contains(Trait.SIDECAR_LEAK)) {
            // A FireLens log router beside the application, each with its own hard limit.
            return new SimTaskDefinition(family, revision, service.launchType(), TaskLoads.SIDECAR_TASK_CPU,
                    TaskLoads.SIDECAR_TASK_MEMORY, "X86_64", List.of(
                    new Container("app", TaskLoads.SIDECAR_TASK_CPU - 64, TaskLoads.APP_LIMIT, TaskLoads.APP_LIMIT / 2, true, false),
                    new Container(TaskLoads.LOG_ROUTER, 64, TaskLoads.ROUTER_LIMIT, TaskLoads.ROUTER_LIMIT / 2, false, true)));
        }
        if (SimService.FARGATE.equals(service.launchType())) {
            int[] size = FARGATE_SIZES[(int) Math.floorMod(h, FARGATE_SIZES.length)];
            String arch = Math.floorMod(h >>> 8, 5) == 0 ? "ARM64" : "X86_64";
            return new SimTaskDefinition(family, revision, service.launchType(), size[0], size[1], arch,
                    List.of(new Container("app", 0, null, null)));
        }
        int cpu = EC2_CPU[(int) Math.floorMod(h >>> 12, EC2_CPU.length)];
        int memory = EC2_MEMORY[(int) Math.floorMod(h >>> 16, EC2_MEMORY.length)];
        boolean soft = service.traits().contains(Trait.MEMORY_SOFT_LIMIT);
        if (!soft && Math.floorMod(h >>> 20, 3) == 0) {
            return new SimTaskDefinition(family, revision, service.launchType(), cpu, memory, "X86_64",
                    List.of(new Container("app", 0, null, null)));
        }
        List<Container> containers = new ArrayList<>();
        containers.add(soft ? new Container("app", cpu, null, memory / 2) : new Container("app", cpu, memory, null));
        if (Math.floorMod(h >>> 24, 2) == 0) {
            containers.add(new Container("log-router", 64, null, 64));
        }
        return new SimTaskDefinition(family, revision, service.launchType(), null, null, "X86_64", containers);
    }

    Map<String, Object> document(String arn, Instant registeredAt) {
        boolean fargate = SimService.FARGATE.equals(launchType);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskDefinitionArn", arn);
        List<Object> defs = new ArrayList<>();
        for (Container c : containers) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", c.name());
            d.put("image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + family + ":" + revision);
            d.put("cpu", c.cpu());
            d.put("memory", c.memory());
            d.put("memoryReservation", c.memoryReservation());
            d.put("portMappings", List.of());
            d.put("essential", c.essential());
            if (c.restarts()) {
                d.put("restartPolicy", Map.of("enabled", true, "restartAttemptPeriod", 300));
            }
            d.put("environment", List.of());
            d.put("mountPoints", List.of());
            d.put("volumesFrom", List.of());
            defs.add(d);
        }
        m.put("containerDefinitions", defs);
        m.put("family", family);
        m.put("networkMode", fargate ? "awsvpc" : "bridge");
        m.put("revision", revision);
        m.put("volumes", List.of());
        m.put("status", "ACTIVE");
        m.put("requiresAttributes", List.of());
        m.put("placementConstraints", List.of());
        m.put("compatibilities", fargate ? List.of("EC2", "FARGATE") : List.of("EC2"));
        if (fargate || "ARM64".equals(cpuArchitecture)) {
            m.put("runtimePlatform", Map.of("cpuArchitecture", cpuArchitecture, "operatingSystemFamily", "LINUX"));
        }
        m.put("requiresCompatibilities", List.of(launchType));
        // Task-level sizes are strings in the ECS API; container sizes are integers.
        m.put("cpu", cpu == null ? null : Integer.toString(cpu));
        m.put("memory", memory == null ? null : Integer.toString(memory));
        m.put("registeredAt", registeredAt);
        m.put("registeredBy", "arn:aws:iam::" + Fleet.ACCOUNT + ":role/deployer");
        return m;
    }
}
