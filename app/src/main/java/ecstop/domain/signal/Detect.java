package ecstop.domain.signal;

import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceInfo;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A service's signals from what DescribeServices said of it (task counts, events,
 * deployments) and the cluster's stopped tasks of that service. Pure: the same inputs and
 * "now" give the same signals. Either input may be missing (not read, or denied); the
 * signals that need it are then simply not there, and the caller says why.
 */
public final class Detect {
    static final int MAX_EVIDENCE = 20;

    private final Optional<ServiceInfo> info;
    private final Optional<List<StoppedTask>> stopped;
    private final Instant now;
    private final SignalRules rules;
    private final List<ServiceEvent> events;

    private Detect(Optional<ServiceInfo> info, Optional<List<StoppedTask>> stopped, Instant now, SignalRules rules) {
        this.info = info;
        this.stopped = stopped;
        this.now = now;
        this.rules = rules;
        List<ServiceEvent> e = new ArrayList<>(info.map(i -> i.health().events()).orElse(List.of()));
        e.sort(Comparator.comparing(ServiceEvent::createdAt).reversed());
        this.events = e;
    }

    /**
     * A service's signals, worst first, from its DescribeServices info and its stopped tasks
     * (empty when either was not read).
     */
    public static List<Signal> of(Optional<ServiceInfo> info, Optional<List<StoppedTask>> stopped, Instant now,
                                  SignalRules rules) {
        Detect d = new Detect(info, stopped, now, rules);
        List<Signal> out = new ArrayList<>();
        d.oom().ifPresent(out::add);
        d.crash().ifPresent(out::add);
        d.placement().ifPresent(out::add);
        d.shortOfDesired().ifPresent(out::add);
        d.deploy().ifPresent(out::add);
        d.health().ifPresent(out::add);
        out.sort(Comparator.comparing(Signal::severity).reversed().thenComparing(Signal::kind));
        return List.copyOf(out);
    }

    // ---- stopped tasks -----------------------------------------------------------------

    private Horizon stoppedHorizon() {
        return Horizon.of(Horizon.Source.STOPPED_TASKS, now.minus(StoppedTasks.RETENTION));
    }

    /** Whether ECS stopped the task for memory (an OOM kill), as the OOM signal counts it. */
    public static boolean oomKill(StoppedTask t) {
        return oomKilled(t);
    }

    /** Whether the task crashed (failed to start, or an essential container exited non-zero), as the crash signal counts it. */
    public static boolean crashed(StoppedTask t) {
        return !oomKilled(t) && !failedHealthChecks(t) && (failedToStart(t) || exitedWithError(t));
    }

    /** Which signal a stopped task counts towards, if any: a task stopped normally (scale-in, a deployment) none. */
    public static Optional<SignalKind> kindOf(StoppedTask t) {
        return oomKilled(t) ? Optional.of(SignalKind.OOM) : failedHealthChecks(t) ? Optional.of(SignalKind.HEALTH)
                : crashed(t) ? Optional.of(SignalKind.CRASH) : Optional.empty();
    }

    /** Why it stopped, as ECS says: its reason, then each container that says more or exited non-zero, with its exit code. */
    public static String why(StoppedTask t) {
        StringBuilder sb = new StringBuilder(t.stoppedReason());
        for (StoppedContainer c : t.containers()) {
            boolean says = !c.reason().isEmpty() && !c.reason().equals(t.stoppedReason());
            if (says || (c.exitCode().isPresent() && c.exitCode().getAsInt() != 0)) {
                sb.append("; ").append(c.name());
                c.exitCode().ifPresent(x -> sb.append(" exit ").append(x));
                if (says) {
                    sb.append(": ").append(c.reason());
                }
            }
        }
        return sb.toString();
    }

    /** Whether a service event says a deployment is being (or was) rolled back. */
    public static boolean rollbackEvent(String message) {
        return EventText.rollback(message);
    }

    private static boolean oomKilled(StoppedTask t) {
        return mentionsOom(t.stoppedReason()) || t.containers().stream().anyMatch(c -> mentionsOom(c.reason()));
    }

    private static boolean mentionsOom(String s) {
        return s.toLowerCase(Locale.ROOT).contains("outofmemory");
    }

    private static boolean failedToStart(StoppedTask t) {
        String r = t.stoppedReason();
        return "TaskFailedToStart".equals(t.stopCode()) || r.startsWith("CannotPullContainerError")
                || r.startsWith("CannotStartContainerError") || r.startsWith("ResourceInitializationError")
                || r.startsWith("CannotCreateContainerError");
    }

    private static boolean exitedWithError(StoppedTask t) {
        return "EssentialContainerExited".equals(t.stopCode())
                && t.containers().stream().anyMatch(c -> c.exitCode().isPresent() && c.exitCode().getAsInt() != 0);
    }

    private static boolean failedHealthChecks(StoppedTask t) {
        return EventText.health(t.stoppedReason());
    }

    private Optional<Signal> oom() {
        List<StoppedTask> killed = stopped.orElse(List.of()).stream().filter(Detect::oomKilled).toList();
        if (killed.isEmpty()) {
            return Optional.empty();
        }
        int n = killed.size();
        return Optional.of(new Signal(SignalKind.OOM, n >= rules.critical() ? Severity.CRIT : Severity.WARN,
                newest(killed), false, n, n + (n == 1 ? " task" : " tasks") + " killed for memory (OOM" + exitCodes(killed) + ")",
                stoppedHorizon(), taskEvidence(killed)));
    }

    private Optional<Signal> crash() {
        List<StoppedTask> bad = stopped.orElse(List.of()).stream()
                .filter(Detect::crashed).toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        long notStarted = bad.stream().filter(Detect::failedToStart).count();
        List<String> parts = new ArrayList<>();
        if (notStarted > 0) {
            parts.add(notStarted + " failed to start");
        }
        if (bad.size() - notStarted > 0) {
            parts.add((bad.size() - notStarted) + " exited with an error" + exitCodes(bad.stream().filter(t -> !failedToStart(t)).toList()));
        }
        int n = bad.size();
        return Optional.of(new Signal(SignalKind.CRASH, n >= rules.critical() ? Severity.CRIT : Severity.WARN,
                newest(bad), false, n, n + (n == 1 ? " task" : " tasks") + " stopped abnormally: " + String.join(", ", parts),
                stoppedHorizon(), taskEvidence(bad)));
    }

    /** " exit 137" or " exit 1, 2": the non-zero exit codes, as they help tell a kill from a crash. */
    private static String exitCodes(List<StoppedTask> tasks) {
        Set<Integer> codes = new java.util.TreeSet<>();
        for (StoppedTask t : tasks) {
            for (StoppedContainer c : t.containers()) {
                c.exitCode().ifPresent(x -> {
                    if (x != 0) {
                        codes.add(x);
                    }
                });
            }
        }
        return codes.isEmpty() ? "" : ", exit " + String.join(", ", codes.stream().map(String::valueOf).toList());
    }

    private static Optional<Instant> newest(List<StoppedTask> tasks) {
        return tasks.stream().map(StoppedTask::stoppedAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private static List<Evidence> taskEvidence(List<StoppedTask> tasks) {
        List<StoppedTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing((StoppedTask t) -> t.stoppedAt().orElse(Instant.MAX)).reversed());
        List<Evidence> out = new ArrayList<>();
        for (StoppedTask t : sorted.subList(0, Math.min(MAX_EVIDENCE, sorted.size()))) {
            out.add(new Evidence(t.stoppedAt(), Messages.clean("task " + t.id() + ": " + why(t))));
        }
        return out;
    }

    // ---- events ------------------------------------------------------------------------

    private Horizon eventHorizon() {
        return new Horizon(Horizon.Source.SERVICE_EVENTS,
                events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).createdAt()));
    }

    private Optional<Instant> lastSteady() {
        return events.stream().filter(e -> EventText.steady(e.message())).map(ServiceEvent::createdAt).findFirst();
    }

    private static List<Evidence> eventEvidence(List<ServiceEvent> es) {
        return es.stream().limit(MAX_EVIDENCE).map(e -> new Evidence(Optional.of(e.createdAt()), Messages.clean(e.message()))).toList();
    }

    private Optional<Signal> placement() {
        List<ServiceEvent> failures = events.stream().filter(e -> EventText.placement(e.message())).toList();
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        Set<String> reasons = new LinkedHashSet<>();
        failures.forEach(e -> reasons.add(EventText.placementReason(e.message())));
        Instant latest = failures.get(0).createdAt();
        Optional<Instant> steady = lastSteady();
        boolean recovered = steady.filter(s -> s.isAfter(latest)).isPresent();
        // Critical when tasks are missing and placing them has failed for longer than a rollout's first minutes.
        Instant firstOfThisRun = failures.stream().map(ServiceEvent::createdAt)
                .filter(t -> steady.map(t::isAfter).orElse(true)).min(Comparator.naturalOrder()).orElse(latest);
        boolean persisting = Duration.between(firstOfThisRun, now).compareTo(rules.rolloutGrace()) >= 0;
        boolean shortNow = info.filter(i -> i.running() < i.desired()).isPresent();
        Severity severity = recovered ? Severity.INFO : shortNow && persisting ? Severity.CRIT : Severity.WARN;
        int n = failures.size();
        String summary = "could not place a task " + (n == 1 ? "once" : n + " times") + " (" + String.join(", ", reasons) + ")"
                + (recovered ? "; steady again since" : "");
        return Optional.of(new Signal(SignalKind.PLACEMENT, severity, Optional.of(latest), false, n,
                recovered ? summary + " " + Times.minute(lastSteady().get()) : summary, eventHorizon(), eventEvidence(failures)));
    }

    private Optional<Signal> health() {
        List<ServiceEvent> failing = events.stream().filter(e -> EventText.health(e.message())).toList();
        List<StoppedTask> stoppedForHealth = stopped.orElse(List.of()).stream().filter(Detect::failedHealthChecks).toList();
        if (failing.isEmpty() && stoppedForHealth.isEmpty()) {
            return Optional.empty();
        }
        // Several events name the same task (unhealthy, then failed, then stopped): count tasks, not lines.
        Set<String> tasks = new LinkedHashSet<>();
        int anonymous = 0;
        for (ServiceEvent e : failing) {
            Optional<String> t = EventText.task(e.message());
            if (t.isPresent()) {
                tasks.add(t.get());
            } else {
                anonymous++;
            }
        }
        stoppedForHealth.forEach(t -> tasks.add(t.id()));
        int n = tasks.size() + anonymous;
        Optional<Instant> latest = failing.isEmpty() ? newest(stoppedForHealth)
                : Optional.of(failing.get(0).createdAt()).map(at -> newest(stoppedForHealth).filter(s -> s.isAfter(at)).orElse(at));
        List<Evidence> evidence = new ArrayList<>(eventEvidence(failing));
        if (failing.isEmpty()) {
            evidence.addAll(taskEvidence(stoppedForHealth));
        }
        return Optional.of(new Signal(SignalKind.HEALTH, n >= rules.critical() ? Severity.CRIT : Severity.WARN, latest, false, n,
                n + (n == 1 ? " task" : " tasks") + " failed health checks",
                failing.isEmpty() ? stoppedHorizon() : eventHorizon(), evidence));
    }

    // ---- task counts and deployments ---------------------------------------------------

    private Optional<ServiceDeployment> primary() {
        return info.flatMap(i -> i.health().deployments().stream().filter(ServiceDeployment::primary).findFirst());
    }

    private Optional<Signal> shortOfDesired() {
        if (info.isEmpty() || info.get().running() >= info.get().desired()) {
            return Optional.empty();
        }
        ServiceInfo i = info.get();
        // Since when: the first event after the last steady state; with none after it, some time after it.
        Optional<Instant> steady = lastSteady();
        List<ServiceEvent> after = steady.map(s -> events.stream().filter(e -> e.createdAt().isAfter(s)).toList()).orElse(events);
        Optional<Instant> fromEvents = after.isEmpty() ? steady : Optional.of(after.get(after.size() - 1).createdAt());
        // No steady state among the events read: a rollout in progress since before them began it, else it is a lower bound.
        Optional<Instant> rolloutStart = primary().filter(ServiceDeployment::inProgress).flatMap(ServiceDeployment::createdAt)
                .filter(c -> fromEvents.map(c::isBefore).orElse(true));
        boolean fromRollout = steady.isEmpty() && rolloutStart.isPresent();
        Optional<Instant> since = fromRollout ? rolloutStart : fromEvents;
        String bound = steady.isEmpty() && !fromRollout ? " (at least; no steady state in the events)" : "";
        boolean rolling = primary().filter(ServiceDeployment::inProgress)
                .flatMap(d -> d.age(now)).filter(a -> a.compareTo(rules.rolloutGrace()) < 0).isPresent();
        Severity severity = rolling ? Severity.INFO
                : i.running() == 0 || 2 * i.running() <= i.desired() ? Severity.CRIT : Severity.WARN;
        String summary = i.running() + " of " + i.desired() + " running, " + i.pending() + " pending"
                + since.map(s -> ", for " + Times.brief(Duration.between(s, now)) + bound).orElse("")
                + (rolling ? "; a rollout started " + Times.brief(primary().flatMap(d -> d.age(now)).orElse(Duration.ZERO)) + " ago" : "");
        List<ServiceEvent> first = after.isEmpty() ? List.of() : List.of(after.get(after.size() - 1));
        return Optional.of(new Signal(SignalKind.SHORT, severity, since, true, i.desired() - i.running(), summary,
                new Horizon(Horizon.Source.TASK_COUNTS, since), eventEvidence(first)));
    }

    private Optional<Signal> deploy() {
        if (info.isEmpty()) {
            return Optional.empty();
        }
        List<ServiceDeployment> deployments = info.get().health().deployments();
        List<String> parts = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        Severity severity = Severity.INFO;
        Optional<Instant> at = Optional.empty();
        int failed = 0;
        int stuck = 0;
        for (ServiceDeployment d : deployments) {
            if (d.failed()) {
                failed++;
                severity = max(severity, d.primary() ? Severity.CRIT : Severity.WARN);
                parts.add("rollout " + d.id() + " FAILED" + (d.primary() ? "" : ", rolled back")
                        + (d.failedTasks() > 0 ? " (" + d.failedTasks() + " failed tasks)" : ""));
                evidence.add(new Evidence(d.updatedAt(), Messages.clean(d.id() + " FAILED: " + d.rolloutStateReason())));
                at = later(at, d.updatedAt());
            } else if (d.inProgress() && d.age(now).filter(a -> a.compareTo(rules.stuckAfter()) > 0).isPresent()) {
                stuck++;
                Duration age = d.age(now).get();
                severity = max(severity, age.compareTo(rules.stuckAfter().multipliedBy(4)) > 0 ? Severity.CRIT : Severity.WARN);
                parts.add("rollout " + d.id() + " IN_PROGRESS for " + Times.brief(age) + ", " + d.running() + " of "
                        + d.desired() + " running" + (d.failedTasks() > 0 ? ", " + d.failedTasks() + " failed tasks" : ""));
                evidence.add(new Evidence(d.createdAt(), Messages.clean(d.id() + " IN_PROGRESS: " + d.rolloutStateReason())));
                at = later(at, d.createdAt());
            }
        }
        List<ServiceEvent> rollbacks = events.stream()
                .filter(e -> EventText.rollback(e.message()) || EventText.deploymentFailed(e.message())).toList();
        long rolledBack = rollbacks.stream().filter(e -> EventText.rollback(e.message())).count();
        if (rolledBack > 0) {
            severity = max(severity, Severity.WARN);
            parts.add(rolledBack + (rolledBack == 1 ? " rollback" : " rollbacks") + " in the events");
            at = later(at, Optional.of(rollbacks.get(0).createdAt()));
        }
        evidence.addAll(eventEvidence(rollbacks));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        evidence.sort(Comparator.comparing((Evidence e) -> e.at().orElse(Instant.MIN)).reversed());
        // A failed rollout shows both as a FAILED deployment and as a rollback event: count it once.
        int count = (int) Math.max(failed, rolledBack) + stuck;
        // Only a rollout still in progress: when it began. Anything that failed: when it last did.
        boolean ongoing = failed == 0 && rolledBack == 0;
        return Optional.of(new Signal(SignalKind.DEPLOY, severity, at, ongoing, count, String.join("; ", parts),
                rolledBack > 0 ? eventHorizon() : Horizon.of(Horizon.Source.DEPLOYMENTS, null),
                evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size()))));
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isAfter(a.get())).or(() -> a);
    }
}
