package ecstop.emulator;

import ecstop.emulator.LoadProfile.Trait;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each running task of a service, and each of its containers, uses minute by minute:
 * the figures Container Insights publishes per task and per container. A task's CPU and
 * memory are its service's average ({@link LoadModel#averageTask()}) times the task's weight,
 * the weights averaging 1 across the tasks, so the tasks' mean is exactly the service's
 * AWS/ECS Average. For most services the weights differ a little and the tasks' spread is
 * the emulator's own (it need not match AWS/ECS's Minimum and Maximum, which come from the
 * service's {@link LoadModel}); a {@link Trait#HOT_TASK} service's AWS/ECS CPU is made of its
 * tasks instead (see {@link Fleet#metric}), so there the Maximum is the hot task. A task's
 * containers share its figures hour by hour: the application most of them, a sidecar a little,
 * except in the {@link Trait#SIDECAR_LEAK} story, where the log router's share climbs to its
 * hard limit. Pure functions of (seed, cluster, service, task, time), like every other series.
 */
final class TaskLoads {
    /** The sidecar story's task definition (Fargate): 0.5 vCPU, 1 GiB; app 768 MiB hard, router 128 MiB hard. */
    static final int SIDECAR_TASK_CPU = 512;
    static final int SIDECAR_TASK_MEMORY = 1024;
    static final int APP_LIMIT = 768;
    static final int ROUTER_LIMIT = 128;
    static final String LOG_ROUTER = "log-router";
    /** The application container's memory, as a share of its hard limit. */
    static final double APP_SHARE = 0.40;
    /** The router starts each cycle at 45% of its hard limit and, in the cycle's last hour, reaches 99%. */
    static final double ROUTER_FLOOR = 0.45;
    static final double ROUTER_TOP = 0.99;
    static final int ROUTER_HOURS = 6;
    /**
     * Fargate's default ephemeral storage, 20 GiB. AWS's metric pages give the unit as
     * gigabytes and say no more; 20 is what the emulator reports reserved.
     */
    static final double FARGATE_STORAGE_GB = 20;

    /** One container of a running task: CPU units and MiB used, and restarts (only with a restart policy). */
    record ContainerLoad(SimTaskDefinition.Container definition, MinuteSeries cpuUnits, MinuteSeries memoryMiB,
                         Optional<MinuteSeries> restarts) {
        String name() {
            return definition.name();
        }

        /**
         * What ContainerMemoryUtilization is a percentage of: the container's hard limit, else the
         * task's memory. AWS's metric page ("Amazon ECS Container Insights with enhanced
         * observability metrics") calls it the percentage of memory the container uses and does
         * not say of what when a container has no hard limit; the emulator takes the limit the
         * container can be killed at, which for a container with only a soft reservation (one it
         * may exceed) is the task's memory.
         */
        int memoryBase(SimTaskDefinition td) {
            return definition.memory() != null ? definition.memory() : td.taskMemory();
        }

        /** ContainerMemoryReserved: the soft limit, else the hard one, else the task's memory. */
        int memoryReserved(SimTaskDefinition td) {
            return definition.memoryReservation() != null ? definition.memoryReservation()
                    : definition.memory() != null ? definition.memory() : td.taskMemory();
        }

        /** What ContainerCpuUtilization is a percentage of: the container's CPU units, else the task's. */
        int cpuBase(SimTaskDefinition td) {
            return definition.cpu() > 0 ? definition.cpu() : td.taskCpu();
        }
    }

    /**
     * One running task: CPU and memory as percentages of the task's size, ephemeral storage
     * as a percentage of Fargate's 20 GiB (Fargate tasks only), and its containers.
     */
    record TaskLoad(String taskId, SimService service, SimTaskDefinition definition, MinuteSeries cpuPercent,
                    MinuteSeries memoryPercent, Optional<MinuteSeries> storagePercent, List<ContainerLoad> containers) {}

    private TaskLoads() {}

    /** The service's running tasks, in the order ListTasks' ids are made. */
    static List<TaskLoad> of(Fleet fleet, SimCluster cluster, SimService service) {
        int n = service.running();
        if (n == 0) {
            return List.of();
        }
        LoadModel cpu = fleet.series("AWS/ECS", "CPUUtilization", Fleet.serviceDimensions(cluster, service)).orElseThrow();
        LoadModel memory = fleet.series("AWS/ECS", "MemoryUtilization", Fleet.serviceDimensions(cluster, service)).orElseThrow();
        int revision = service.deploying() ? service.revision() - 1 : service.revision();
        SimTaskDefinition td = SimTaskDefinition.of(Hashing.mix(fleet.seed()), service, Math.max(1, revision));
        long key = Hashing.of(Hashing.mix(fleet.seed()), Hashing.of(cluster.name() + "/" + service.name() + "/tasks"));
        double[] cpuWeights = weights(key, 1, n, service.traits().contains(Trait.HOT_TASK) ? -1 : 0.3);
        double[] memoryWeights = weights(key, 2, n, 0.1);
        boolean fargate = SimService.FARGATE.equals(service.launchType());
        List<TaskLoad> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MinuteSeries cpuPercent = cpu.averageTask().scaled(cpuWeights[i]);
            MinuteSeries memoryPercent = memory.averageTask().scaled(memoryWeights[i]);
            Optional<MinuteSeries> storage = fargate
                    ? Optional.of(storage(Hashing.of(key, 3, i), i == 0 && service.traits().contains(Trait.DISK_FILLING)))
                    : Optional.empty();
            out.add(new TaskLoad(ServiceStory.runningTaskId(fleet, cluster, service, i), service, td, cpuPercent,
                    memoryPercent, storage, containers(td, service, memory, cpuPercent, memoryPercent)));
        }
        return out;
    }

    /**
     * Weights averaging exactly 1: within ±spread/2 of 1, or, for a hot task (spread < 0), the
     * first task carrying what its idle siblings (at a fifth of the mean each) leave.
     */
    static double[] weights(long key, int salt, int n, double spread) {
        double[] w = new double[n];
        if (spread < 0) {
            for (int i = 0; i < n; i++) {
                w[i] = i == 0 ? n - 0.2 * (n - 1) : 0.2;
            }
            return w;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Hashing.unit(Hashing.of(key, salt, i));
            mean += w[i] / n;
        }
        for (int i = 0; i < n; i++) {
            w[i] = 1 + spread * (w[i] - mean);
        }
        return w;
    }

    private static MinuteSeries storage(long key, boolean filling) {
        double u = Hashing.unit(Hashing.of(key, 1));
        LoadProfile p = filling
                ? new LoadProfile(93, 0.8, 24 * u, 0.5, 0.2, 0, 0, -1, 0, 0, 0)
                : new LoadProfile(12 + 25 * u, 1, 24 * u, 0.5, 0.3, 0, 0, -1, 0, 0, 0);
        return new LoadModel(key, p, 1).averageTask();
    }

    private static List<ContainerLoad> containers(SimTaskDefinition td, SimService service, LoadModel memory,
                                                  MinuteSeries cpuPercent, MinuteSeries memoryPercent) {
        double cpuUnits = td.taskCpu() / 100.0;
        double mib = td.taskMemory() / 100.0;
        List<ContainerLoad> out = new ArrayList<>();
        int sidecars = (int) td.containers().stream().filter(c -> !c.essential()).count();
        boolean leak = service.traits().contains(Trait.SIDECAR_LEAK);
        for (SimTaskDefinition.Container c : td.containers()) {
            // A sidecar takes a little of the task: 4% of its CPU, 8% of its memory; the essential containers the rest.
            double cpuShare = c.essential() ? (1 - 0.04 * sidecars) / Math.max(1, td.containers().size() - sidecars) : 0.04;
            double memoryShare = c.essential() ? (1 - 0.08 * sidecars) / Math.max(1, td.containers().size() - sidecars) : 0.08;
            MinuteSeries mem = leak
                    ? memoryPercent.scaled(h -> c.essential() ? 1 - routerFraction(memory, td, h) : routerFraction(memory, td, h))
                    : memoryPercent.scaled(memoryShare);
            Optional<MinuteSeries> restarts = c.restarts() && leak ? Optional.of(routerRestarts()) : Optional.empty();
            out.add(new ContainerLoad(c, cpuPercent.scaled(cpuShare * cpuUnits), mem.scaled(mib), restarts));
        }
        return out;
    }

    /**
     * The sidecar story's task memory, in percent of the task: the application at 40% of its
     * hard limit plus a router that starts each {@value #ROUTER_HOURS}-hour cycle at 45% of
     * its own and climbs in hourly steps to 99% in the cycle's last hour, then is restarted.
     */
    static LoadProfile sidecarLeakMemory() {
        double floor = (APP_SHARE * APP_LIMIT + ROUTER_FLOOR * ROUTER_LIMIT) * 100.0 / SIDECAR_TASK_MEMORY;
        double climb = (ROUTER_TOP - ROUTER_FLOOR) * ROUTER_LIMIT * 100.0 / SIDECAR_TASK_MEMORY;
        // The sawtooth adds height * k / hours in the cycle's k-th hour: the last (k = hours - 1) must add the climb.
        double height = climb * ROUTER_HOURS / (ROUTER_HOURS - 1);
        return new LoadProfile(floor, 0, 0, 0, 0.2, 0, 0, -1, 0, ROUTER_HOURS, height);
    }

    /** The router's share of the task's memory in hour {@code h}: its part of the hour's mean. */
    private static double routerFraction(LoadModel memory, SimTaskDefinition td, long h) {
        double router = ROUTER_FLOOR * ROUTER_LIMIT * 100.0 / td.taskMemory() + memory.sawtooth(h);
        return Math.min(1, router / memory.hourMean(h));
    }

    /** One restart at the first minute of each cycle, when the router was killed at its limit and started again. */
    private static MinuteSeries routerRestarts() {
        return new MinuteSeries() {
            @Override
            Aggregate hour(long hour) {
                boolean restarted = Math.floorMod(hour, ROUTER_HOURS) == 0;
                return new Aggregate(60, restarted ? 1 : 0, 0, restarted ? 1 : 0);
            }

            @Override
            Aggregate minute(long minute) {
                double v = Math.floorMod(minute, 60L * ROUTER_HOURS) == 0 ? 1 : 0;
                return new Aggregate(1, v, v, v);
            }
        };
    }
}
