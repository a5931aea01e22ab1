package ecstop.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one simulated service's tasks, events and deployments look like at an instant: its
 * running and pending tasks, the tasks it stopped in the hour ECS still shows them, the
 * newest 100 events of the last day and its deployments, all pure functions of (seed,
 * cluster, service, now) with the messages ECS writes. Task counts are the service's own;
 * {@link Trouble}s only add what ECS would show of them.
 */
final class ServiceStory {
    static final Duration STOPPED_RETENTION = Duration.ofHours(1);
    static final Duration EVENT_WINDOW = Duration.ofDays(1);
    static final int MAX_EVENTS = 100;
    static final Duration STEADY_EVERY = Duration.ofHours(6);
    /** A failed rollout's story: tasks fail to start 2, 5 and 8 minutes in, the breaker trips at 9, the rollback ends at 14. */
    static final Duration ROLLOUT_OFFSET = Duration.ofMinutes(20);
    static final String EXIT = "Essential container in task exited";
    static final String OOM = "OutOfMemoryError: Container killed due to memory usage";
    /** A leaking release starts this long before the hour its memory starts from the bottom, and takes this long. */
    static final Duration RELEASE_LEAD = Duration.ofMinutes(8);
    static final Duration RELEASE_TAKES = Duration.ofMinutes(6);

    private final Fleet fleet;
    private final SimCluster cluster;
    private final SimService service;
    private final Instant now;
    private final long key;
    private final long deploymentId;

    ServiceStory(Fleet fleet, SimCluster cluster, SimService service, Instant now) {
        this.fleet = fleet;
        this.cluster = cluster;
        this.service = service;
        this.now = now;
        this.key = Hashing.of(Hashing.mix(fleet.seed()), Hashing.of(cluster.name() + "/" + service.name()));
        this.deploymentId = Math.floorMod(Hashing.of(Hashing.of(cluster.name()), Hashing.of(service.name())),
                1_000_000_000_000_000_000L);
    }

    // ---- deployments -------------------------------------------------------------------

    /**
     * One PRIMARY deployment, COMPLETED; or, while a rollout is in progress, the new
     * revision PRIMARY and IN_PROGRESS with the pending tasks, and the old one ACTIVE with
     * the running tasks. A rollout starts a few minutes before "now", or hours before when
     * it is stuck. After a failed rollout, the rollback is PRIMARY and the failed one is
     * listed INACTIVE with rollout state FAILED.
     */
    List<SimDeployment> deployments() {
        long id = deploymentId;
        Instant created = fleet.createdAt(cluster, service);
        if (service.deploying()) {
            Instant started = deploymentStart();
            List<Long> failures = service.has(Trouble.HEALTH_CHURN)
                    ? healthChurn().newestFirst(started, now.minusSeconds(45), Integer.MAX_VALUE) : List.of();
            Instant updated = failures.isEmpty() ? started : healthChurn().at(failures.get(0)).plusSeconds(45);
            return List.of(
                    new SimDeployment(id + 1, "PRIMARY", service.revision(), service.desired(), service.pending(), 0,
                            failures.size(), started, updated, "IN_PROGRESS", "ECS deployment ecs-svc/" + (id + 1) + " in progress."),
                    new SimDeployment(id, "ACTIVE", service.revision() - 1, service.running(), 0, service.running(), 0,
                            created, created, "COMPLETED", "ECS deployment ecs-svc/" + id + " completed."));
        }
        Optional<Instant> release = release();
        if (release.isPresent()) {
            // A redeployment of the same revision (a new image under the same tag): no revision changes.
            Instant t = release.get();
            long rid = releaseId(t);
            return List.of(new SimDeployment(rid, "PRIMARY", service.revision(), service.desired(), service.pending(),
                    service.running(), 0, t, t.plus(RELEASE_TAKES), "COMPLETED", "ECS deployment ecs-svc/" + rid + " completed."));
        }
        if (service.has(Trouble.FAILED_ROLLOUT)) {
            Instant t0 = rolloutStories().at(latestRollout());
            long failed = rolloutId(t0, 1);
            long rollback = rolloutId(t0, 2);
            return List.of(
                    new SimDeployment(rollback, "PRIMARY", service.revision(), service.desired(), service.pending(),
                            service.running(), 0, t0.plus(Duration.ofMinutes(9)), t0.plus(Duration.ofMinutes(14)),
                            "COMPLETED", "ECS deployment ecs-svc/" + rollback + " completed."),
                    new SimDeployment(failed, "INACTIVE", service.revision() + 1, 0, 0, 0, 3, t0,
                            t0.plus(Duration.ofMinutes(9)), "FAILED", "ECS deployment circuit breaker: tasks failed to start."));
        }
        return List.of(new SimDeployment(id, "PRIMARY", service.revision(), service.desired(), service.pending(),
                service.running(), 0, created, created, "COMPLETED", "ECS deployment ecs-svc/" + id + " completed."));
    }

    /**
     * The latest release of a {@link Trouble#LEAKING_RELEASE} service: a few minutes before the
     * hour its memory's sawtooth starts again from the bottom (the new tasks start with little
     * memory in use), at or before now; empty for other services.
     */
    Optional<Instant> release() {
        return releaseAt(now);
    }

    private Optional<Instant> releaseAt(Instant at) {
        if (!service.has(Trouble.LEAKING_RELEASE)) {
            return Optional.empty();
        }
        int hours = fleet.series("AWS/ECS", "MemoryUtilization", Fleet.serviceDimensions(cluster, service))
                .map(LoadModel::sawtoothHours).orElse(0);
        if (hours <= 0) {
            return Optional.empty();
        }
        long hour = Math.floorDiv(at.plus(RELEASE_LEAD).getEpochSecond(), 3600);
        long start = hour - Math.floorMod(hour, hours);
        return Optional.of(Instant.ofEpochSecond(start * 3600).minus(RELEASE_LEAD));
    }

    private long releaseId(Instant t) {
        return Math.floorMod(Hashing.of(key, t.getEpochSecond(), 9), 1_000_000_000_000_000_000L);
    }

    /** When the rollout in progress began: minutes ago, or hours ago when it is stuck. */
    Instant deploymentStart() {
        if (service.has(Trouble.STUCK_DEPLOYMENT)) {
            return now.truncatedTo(ChronoUnit.HOURS).minus(service.troubles().get(Trouble.STUCK_DEPLOYMENT));
        }
        return now.minusSeconds(60L * (3 + Math.floorMod(deploymentId, 12)));
    }

    /** Since when tasks wait to be placed: the rollout's start, or two to three hours back. */
    private Instant pendingSince() {
        return service.deploying() ? deploymentStart() : now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    }

    // ---- tasks -------------------------------------------------------------------------

    /** The tasks ECS wants running: the running ones and those still pending. */
    List<SimTask> liveTasks() {
        List<SimTask> out = new ArrayList<>();
        int runningRevision = service.deploying() ? service.revision() - 1 : service.revision();
        // Running tasks started with the service (a rollout or a rollback leaves them be), or with the latest release.
        Optional<Instant> release = release();
        Instant deployed = release.orElse(fleet.createdAt(cluster, service));
        for (int i = 0; i < service.running(); i++) {
            Instant started = deployed.plusSeconds(60 + 20L * i);
            String id = release.isPresent() ? taskId("run@" + release.get().getEpochSecond(), i) : taskId("run", i);
            out.add(serviceTask(id, runningRevision, "RUNNING", "RUNNING", started.minusSeconds(40),
                    Optional.of(started), Optional.empty(), "", "", containers(runningRevision, "RUNNING")));
        }
        String waiting = SimService.FARGATE.equals(service.launchType()) ? "PROVISIONING" : "PENDING";
        for (int i = 0; i < service.pending(); i++) {
            out.add(serviceTask(taskId("pending", i), service.revision(), waiting, "RUNNING", pendingSince(),
                    Optional.empty(), Optional.empty(), "", "", containers(service.revision(), "PENDING")));
        }
        return out;
    }

    /** A live task's containers, as its task definition names and sizes them. */
    private List<SimTask.Container> containers(int revision, String status) {
        SimTaskDefinition td = SimTaskDefinition.of(Hashing.mix(fleet.seed()), service, Math.max(1, revision));
        List<SimTask.Container> out = new ArrayList<>();
        for (SimTaskDefinition.Container c : td.containers()) {
            out.add(new SimTask.Container(c.name(), status, null, "", c.cpu(), c.memory(), c.memoryReservation()));
        }
        return out;
    }

    /** The id ListTasks gives running task {@code i} of a service without a leaking release. */
    static String runningTaskId(Fleet fleet, SimCluster cluster, SimService service, int i) {
        long key = Hashing.of(Hashing.mix(fleet.seed()), Hashing.of(cluster.name() + "/" + service.name()));
        return hex(Hashing.of(key, Hashing.of("run")), i);
    }

    /** The tasks stopped within the hour ECS keeps them, newest first. */
    List<SimTask> stoppedTasks() {
        Instant from = now.minus(STOPPED_RETENTION);
        List<SimTask> out = new ArrayList<>();
        // OOM kills end tasks that ran for hours; a crash loop's tasks last minutes.
        exits(out, Trouble.OOM_KILLS, "oom", from, 60, 300, 137, OOM);
        exits(out, Trouble.CRASH_LOOP, "crash", from, 3, 10, 1, "");
        if (service.has(Trouble.HEALTH_CHURN)) {
            Schedule churn = healthChurn();
            for (long k : churn.newestFirst(from.minusSeconds(45), now.minusSeconds(45), Integer.MAX_VALUE)) {
                Instant t = churn.at(k).plusSeconds(45);
                Instant started = t.minus(Duration.ofMinutes(6));
                out.add(serviceTask(taskId("health", k), service.revision(), "STOPPED", "STOPPED", started.minusSeconds(30),
                        Optional.of(started), Optional.of(t), "ServiceSchedulerInitiated",
                        "Task failed ELB health checks in (target-group " + targetGroup() + ")",
                        new SimTask.Container(service.name(), "STOPPED", 143, "")));
            }
        }
        if (service.has(Trouble.FAILED_ROLLOUT)) {
            Schedule stories = rolloutStories();
            for (long j : stories.newestFirst(from.minus(Duration.ofMinutes(8)), now.minus(ROLLOUT_OFFSET), Integer.MAX_VALUE)) {
                Instant t0 = stories.at(j);
                for (int i = 2; i >= 0; i--) {
                    Instant t = t0.plus(Duration.ofMinutes(2 + 3L * i));
                    if (t.isAfter(from) && !t.isAfter(now)) {
                        String reason = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to"
                                + " resolve ref " + image(service.revision() + 1) + ": " + image(service.revision() + 1) + ": not found";
                        out.add(serviceTask(taskId("rollout-" + j, i), service.revision() + 1, "STOPPED", "STOPPED",
                                t.minus(Duration.ofMinutes(2)), Optional.empty(), Optional.of(t), "TaskFailedToStart", reason,
                                new SimTask.Container(service.name(), "STOPPED", null, reason)));
                    }
                }
            }
        }
        out.sort(Comparator.comparing((SimTask t) -> t.stoppedAt().orElseThrow()).reversed().thenComparing(SimTask::id));
        return out;
    }

    /** Tasks whose essential container exited with {@code exit}, each after running {@code minMinutes} plus up to {@code spread}. */
    private void exits(List<SimTask> out, Trouble trouble, String kind, Instant from, int minMinutes, int spread, int exit,
                       String reason) {
        if (!service.has(trouble)) {
            return;
        }
        Schedule stops = schedule(trouble);
        for (long k : stops.newestFirst(from, now, Integer.MAX_VALUE)) {
            Instant t = stops.at(k);
            Instant started = t.minus(Duration.ofMinutes(minMinutes + Math.floorMod(Hashing.of(key, k), spread)));
            out.add(serviceTask(taskId(kind, k), service.revision(), "STOPPED", "STOPPED", started.minusSeconds(30),
                    Optional.of(started), Optional.of(t), "EssentialContainerExited", EXIT,
                    new SimTask.Container(service.name(), "STOPPED", exit, reason)));
        }
    }

    /** The runs of a job no service owns, stopped within the hour ECS keeps them, newest first. */
    static List<SimTask> jobRuns(Fleet fleet, SimCluster cluster, SimJob job, Instant now) {
        long jobKey = Hashing.of(Hashing.mix(fleet.seed()), Hashing.of(cluster.name() + "/job/" + job.family()));
        Schedule runs = Schedule.of(jobKey, job.every());
        List<SimTask> out = new ArrayList<>();
        for (long k : runs.newestFirst(now.minus(STOPPED_RETENTION), now, Integer.MAX_VALUE)) {
            Instant t = runs.at(k);
            Instant started = t.minus(Duration.ofMinutes(4));
            out.add(new SimTask(hex(jobKey, k), Optional.empty(), "family:" + job.family(), job.family(), 1,
                    SimService.FARGATE, "STOPPED", "STOPPED", started.minusSeconds(30), Optional.of(started), Optional.of(t),
                    "EssentialContainerExited", EXIT, "events-rule/" + job.family(),
                    List.of(new SimTask.Container(job.family(), "STOPPED", job.exitCode(), ""))));
        }
        return out;
    }

    // ---- events ------------------------------------------------------------------------

    /** The newest {@value #MAX_EVENTS} events of the last day, newest first. */
    List<SimEvent> events() {
        Instant from = now.minus(EVENT_WINDOW);
        List<SimEvent> out = new ArrayList<>();
        String svc = "(service " + service.name() + ")";
        Instant quietUntil = service.deploying() || service.pending() > 0 ? pendingSince() : now;
        Schedule steady = Schedule.of(Hashing.of(key, 6), STEADY_EVERY);
        for (long k : steady.newestFirst(from, quietUntil, MAX_EVENTS)) {
            add(out, "steady", k, steady.at(k), svc + " has reached a steady state.");
        }
        if (service.deploying()) {
            List<String> started = new ArrayList<>();
            for (int i = 0; i < service.pending(); i++) {
                started.add("(task " + taskId("pending", i) + ")");
            }
            add(out, "deploy", 0, deploymentStart(), svc + " has started " + service.pending() + " tasks: "
                    + String.join(" ", started) + ".");
        }
        release().ifPresent(t -> {
            long rid = releaseId(t);
            List<String> started = new ArrayList<>();
            for (int i = 0; i < service.running(); i++) {
                started.add("(task " + taskId("run@" + t.getEpochSecond(), i) + ")");
            }
            add(out, "release-start", rid, t.plusSeconds(50), svc + " has started " + service.running() + " tasks: "
                    + String.join(" ", started) + ".");
            List<String> stopped = new ArrayList<>();
            Instant before = releaseAt(t.minusSeconds(1)).orElse(t);
            for (int i = 0; i < service.running(); i++) {
                stopped.add("(task " + taskId("run@" + before.getEpochSecond(), i) + ")");
            }
            add(out, "release-drain", rid, t.plus(Duration.ofMinutes(3)), svc + " has stopped " + service.running()
                    + " running tasks: " + String.join(" ", stopped) + ".");
            add(out, "release-done", rid, t.plus(RELEASE_TAKES), svc + " (deployment ecs-svc/" + rid + ") deployment completed.");
            add(out, "release-steady", rid, t.plus(RELEASE_TAKES).plusSeconds(1), svc + " has reached a steady state.");
        });
        replacements(out, Trouble.OOM_KILLS, "oom", svc);
        replacements(out, Trouble.CRASH_LOOP, "crash", svc);
        if (service.has(Trouble.HEALTH_CHURN)) {
            Schedule churn = healthChurn();
            for (long k : churn.newestFirst(from, now, MAX_EVENTS)) {
                Instant t = churn.at(k);
                String task = "(task " + taskId("health", k) + ")";
                add(out, "unhealthy", k, t, svc + " " + task + " (port 8000) is unhealthy in (target-group " + targetGroup()
                        + ") due to (reason Health checks failed with these codes: [502]).");
                add(out, "elb", k, t.plusSeconds(40), svc + " " + task + " failed ELB health checks in (target-group "
                        + targetGroup() + ").");
                add(out, "stopped", k, t.plusSeconds(45), svc + " has stopped 1 running tasks: " + task + ".");
                add(out, "restarted", k, t.plusSeconds(60), svc + " has started 1 tasks: (task " + taskId("health-new", k) + ").");
            }
        }
        placements(out, svc, from);
        if (service.has(Trouble.FAILED_ROLLOUT)) {
            Schedule stories = rolloutStories();
            for (long j : stories.newestFirst(from.minus(Duration.ofMinutes(14)), now.minus(ROLLOUT_OFFSET), MAX_EVENTS)) {
                Instant t0 = stories.at(j);
                long previous = rolloutId(stories.at(j - 1), 2);
                for (int i = 0; i < 3; i++) {
                    Instant t = t0.plus(Duration.ofMinutes(3L * i)).plusSeconds(10);
                    add(out, "rollout-start-" + j, i, t, svc + " has started 1 tasks: (task " + taskId("rollout-" + j, i) + ").");
                }
                add(out, "rollout-failed", j, t0.plus(Duration.ofMinutes(9)), svc + " (deployment ecs-svc/" + rolloutId(t0, 1)
                        + ") deployment failed: tasks failed to start.");
                add(out, "rollback", j, t0.plus(Duration.ofMinutes(9)).plusSeconds(1), svc + " rolling back to deployment ecs-svc/"
                        + previous + ".");
                add(out, "rollback-done", j, t0.plus(Duration.ofMinutes(14)), svc + " (deployment ecs-svc/" + rolloutId(t0, 2)
                        + ") deployment completed.");
                add(out, "rollback-steady", j, t0.plus(Duration.ofMinutes(14)).plusSeconds(1), svc + " has reached a steady state.");
            }
        }
        List<SimEvent> kept = new ArrayList<>();
        for (SimEvent e : out) {
            if (e.createdAt().isAfter(from) && !e.createdAt().isAfter(now)) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparing(SimEvent::createdAt).reversed().thenComparing(SimEvent::id));
        return kept.size() > MAX_EVENTS ? List.copyOf(kept.subList(0, MAX_EVENTS)) : kept;
    }

    private void replacements(List<SimEvent> out, Trouble trouble, String kind, String svc) {
        if (!service.has(trouble)) {
            return;
        }
        Schedule s = schedule(trouble);
        for (long k : s.newestFirst(now.minus(EVENT_WINDOW), now, MAX_EVENTS)) {
            add(out, kind + "-new", k, s.at(k).plusSeconds(20), svc + " has started 1 tasks: (task " + taskId(kind + "-new", k) + ").");
        }
    }

    private void placements(List<SimEvent> out, String svc, Instant from) {
        for (Trouble t : List.of(Trouble.PLACEMENT_CPU, Trouble.PLACEMENT_MEMORY, Trouble.FARGATE_CAPACITY)) {
            if (!service.has(t)) {
                continue;
            }
            Instant since = pendingSince();
            Schedule tries = Schedule.through(since.plusSeconds(20), service.troubles().get(t));
            String message = switch (t) {
                case PLACEMENT_CPU -> svc + " was unable to place a task because no container instance met all of its"
                        + " requirements. The closest matching (container-instance " + containerInstance() + ") has"
                        + " insufficient CPU units available. For more information, see the Troubleshooting section.";
                case PLACEMENT_MEMORY -> svc + " was unable to place a task because no container instance met all of its"
                        + " requirements. The closest matching (container-instance " + containerInstance() + ") has"
                        + " insufficient memory available. For more information, see the Troubleshooting section.";
                default -> svc + " was unable to place a task. Reason: Capacity is unavailable at this time. Please try"
                        + " again later or in a different availability zone. For more information, see the"
                        + " Troubleshooting section.";
            };
            for (long k : tries.newestFirst(since.isAfter(from) ? since : from, now, MAX_EVENTS)) {
                add(out, "place-" + t.name(), k, tries.at(k), message);
            }
        }
    }

    private void add(List<SimEvent> out, String kind, long k, Instant at, String message) {
        out.add(new SimEvent(uuid(Hashing.of(Hashing.of(key, Hashing.of(kind)), k)), at, message));
    }

    // ---- names and schedules -----------------------------------------------------------

    private Schedule schedule(Trouble t) {
        return Schedule.of(Hashing.of(key, t.ordinal()), service.troubles().get(t));
    }

    private Schedule healthChurn() {
        return schedule(Trouble.HEALTH_CHURN);
    }

    /** A failed rollout starts every period, {@link #ROLLOUT_OFFSET} before the hour, so the latest has played out. */
    private Schedule rolloutStories() {
        Duration every = service.troubles().get(Trouble.FAILED_ROLLOUT);
        return Schedule.through(Instant.EPOCH.minus(ROLLOUT_OFFSET), every);
    }

    /** The latest story that began at least {@link #ROLLOUT_OFFSET} ago, so has played out. */
    private long latestRollout() {
        Schedule s = rolloutStories();
        return Math.floorDiv(now.minus(ROLLOUT_OFFSET).toEpochMilli() - s.phaseMillis(), s.periodMillis());
    }

    private long rolloutId(Instant t0, int which) {
        return Math.floorMod(Hashing.of(key, t0.toEpochMilli(), which), 1_000_000_000_000_000_000L);
    }

    private SimTask serviceTask(String id, int revision, String lastStatus, String desiredStatus, Instant created,
                                Optional<Instant> started, Optional<Instant> stopped, String stopCode, String reason,
                                SimTask.Container container) {
        return serviceTask(id, revision, lastStatus, desiredStatus, created, started, stopped, stopCode, reason,
                List.of(container));
    }

    private SimTask serviceTask(String id, int revision, String lastStatus, String desiredStatus, Instant created,
                                Optional<Instant> started, Optional<Instant> stopped, String stopCode, String reason,
                                List<SimTask.Container> containers) {
        return new SimTask(id, Optional.of(service.name()), "service:" + service.name(), service.name(), revision,
                service.launchType(), lastStatus, desiredStatus, created, started, stopped, stopCode, reason,
                "ecs-svc/" + deploymentId, containers);
    }

    private String taskId(String kind, long k) {
        return hex(Hashing.of(key, Hashing.of(kind)), k);
    }

    private String targetGroup() {
        return "arn:aws:elasticloadbalancing:" + fleet.region() + ":" + Fleet.ACCOUNT + ":targetgroup/"
                + shortName(service.name()) + "/" + hex(key, 7).substring(0, 16);
    }

    private String containerInstance() {
        return hex(Hashing.of(Hashing.mix(fleet.seed()), Hashing.of(cluster.name())), 3);
    }

    private String image(int revision) {
        return Fleet.ACCOUNT + ".dkr.ecr." + fleet.region() + ".amazonaws.com/" + shortName(service.name()) + ":v" + revision;
    }

    /** Target group names stop at 32 characters. */
    private static String shortName(String name) {
        return name.length() <= 32 ? name : name.substring(name.length() - 32);
    }

    /** 32 hex digits, as ECS's task ids; by hand, since String.format costs a microsecond and there can be 10,000 a call. */
    static String hex(long a, long k) {
        return hex16(Hashing.mix(a)) + hex16(Hashing.of(a, k));
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(16 - h.length()) + h;
    }

    private static String uuid(long h) {
        String x = hex16(Hashing.mix(h)) + hex16(Hashing.mix(h ^ 0x5DEECE66DL));
        return x.substring(0, 8) + "-" + x.substring(8, 12) + "-" + x.substring(12, 16) + "-" + x.substring(16, 20)
                + "-" + x.substring(20);
    }
}
