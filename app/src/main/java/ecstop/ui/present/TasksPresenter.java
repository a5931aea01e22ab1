package ecstop.ui.present;

import ecstop.domain.Failure;
import ecstop.domain.Metric;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.signal.Detect;
import ecstop.domain.signal.SignalKind;
import ecstop.domain.task.ClusterTasks;
import ecstop.domain.task.ContainerFigures;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.RunningTask;
import ecstop.domain.task.TaskContainer;
import ecstop.domain.task.TaskFigures;
import ecstop.domain.task.TaskTable;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.ui.present.TasksModel.Kind;
import ecstop.ui.present.TasksModel.Line;
import ecstop.ui.present.TasksModel.Row;
import ecstop.ui.state.Detail;
import ecstop.ui.state.Pane;
import ecstop.ui.state.State;
import ecstop.ui.state.TasksCursor;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Text;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The open service's tasks pane from the State: its running tasks hottest first, each with its
 * containers under it, then its tasks stopped in the last hour, as its own read found them. Pure;
 * the table is kept for the last answer only, so a frame and the keys that follow it share it.
 * UI thread only.
 */
final class TasksPresenter {
    /** Short task ids, as docker shortens container ids: unique enough within a service. */
    static final int SHORT_ID = 8;

    private final Glyphs glyphs;
    private final double warn;
    private ClusterTasks tableOf;
    private TaskTable table;

    TasksPresenter(Glyphs glyphs, double warn) {
        this.glyphs = glyphs;
        this.warn = warn;
    }

    /** The rows as shown (filtered), what the keys move through. */
    List<Row> rows(State s, ZoneId zone) {
        Optional<ServiceRef> service = service(s);
        Optional<Either<Failure, ClusterTasks>> read = service.flatMap(ref -> s.fleet().open().of(ref).answer(ServiceReadKeys.TASKS));
        if (service.isEmpty() || read.isEmpty() || read.get().isLeft()) {
            return List.of();
        }
        ClusterTasks tasks = read.get().get();
        ServiceInfo info = s.fleet().info().get(service.get());
        String typed = s.nav().filter().text().toLowerCase(Locale.ROOT);
        // the filter that found the service keeps all of its tasks
        String needle = service.get().name().toLowerCase(Locale.ROOT).contains(typed) ? "" : typed;
        List<Row> rows = new ArrayList<>();
        int idLength = idLength(tasks.running());
        for (TaskFigures t : table(tasks).tasks()) {
            if (!needle.isEmpty() && !t.task().id().toLowerCase(Locale.ROOT).contains(needle)
                    && t.containers().stream().noneMatch(c -> c.container().name().toLowerCase(Locale.ROOT).contains(needle))) {
                continue;
            }
            rows.add(taskRow(t, tasks, info, idLength));
            for (ContainerFigures c : t.containers()) {
                rows.add(containerRow(t, c, tasks));
            }
        }
        if (needle.isEmpty()) {
            rows.addAll(stopped(tasks, service.get(), zone, idLength));
        }
        return rows;
    }

    /** The cursor's row: the one it is pinned to, else the container nearest its hard limit, else the first. */
    static int cursor(State s, List<Row> rows) {
        Optional<TasksCursor> c = s.nav().detail().flatMap(Detail::tasks);
        Optional<String> key = c.flatMap(TasksCursor::row);
        for (int i = 0; i < rows.size(); i++) {
            if (key.isPresent() ? rows.get(i).key().equals(key.get()) : rows.get(i).marked() && rows.get(i).kind() == Kind.CONTAINER) {
                return i;
            }
        }
        return 0;
    }

    TasksModel model(State s, ZoneId zone) {
        Optional<ServiceRef> service = service(s);
        String name = service.map(ServiceRef::name).orElse("");
        Optional<Either<Failure, ClusterTasks>> read = service.flatMap(ref -> s.fleet().open().of(ref).answer(ServiceReadKeys.TASKS));
        StringBuilder title = new StringBuilder("Tasks").append(glyphs.sep()).append(name);
        List<Line> above = new ArrayList<>();
        Optional<String> empty = Optional.empty();
        List<Row> rows = rows(s, zone);
        if (read.isEmpty()) {
            empty = Optional.of("reading the tasks" + glyphs.ellipsis());
        } else if (read.get().isLeft()) {
            empty = Optional.of("cannot read the tasks: " + read.get().getLeft().line() + "; t closes, r tries again");
        } else {
            ClusterTasks tasks = read.get().get();
            title.append(glyphs.sep()).append("insights ").append(tasks.level().name().toLowerCase(Locale.ROOT))
                    .append(glyphs.sep()).append("peak ").append(tasks.lookback().label());
            above.addAll(above(tasks, name));
            if (tasks.running().isEmpty()) {
                empty = Optional.of("no running tasks");
            } else if (rows.isEmpty()) {
                empty = Optional.of("no task or container matches /" + s.nav().filter().text());
            }
        }
        if (s.nav().filter().typing() || !s.nav().filter().text().isEmpty()) {
            title.append(glyphs.sep()).append('/').append(s.nav().filter().text()).append(s.nav().filter().typing() ? "_" : "");
        }
        int cursor = cursor(s, rows);
        long tasks = rows.stream().filter(r -> r.kind() == Kind.TASK).count();
        String note = rows.isEmpty() ? "" : tasks + (tasks == 1 ? " task" : " tasks") + glyphs.sep() + (cursor + 1) + "/" + rows.size();
        return new TasksModel(title.toString(), note, s.nav().focus().equals(Pane.TASKS), above, rows, cursor, empty);
    }

    private static Optional<ServiceRef> service(State s) {
        return s.nav().detail().filter(d -> d.tasks().isPresent()).map(Detail::service);
    }

    private TaskTable table(ClusterTasks tasks) {
        if (tasks != tableOf) {
            table = TaskTable.of(tasks.running(), tasks.usages(), warn);
            tableOf = tasks;
        }
        return table;
    }

    /** Where the figures come from; without per-task ones, the service's own and the one line that turns them on. */
    private List<Line> above(ClusterTasks tasks, String service) {
        List<Line> out = new ArrayList<>();
        if (tasks.level().perTask()) {
            return out;
        }
        ServiceSeries s = tasks.services().get(service);
        int n = tasks.running().size();
        if (tasks.level() == InsightsLevel.DISABLED) {
            out.add(new Line("CPU " + spread(s, Metric.CPU, n) + glyphs.sep() + "memory " + spread(s, Metric.MEMORY, n)
                    + " (AWS/ECS latest period, least to most loaded task)", s == null));
        } else {
            out.add(new Line("CPU " + busiest(s, Metric.CPU) + glyphs.sep() + "memory " + busiest(s, Metric.MEMORY)
                    + " (AWS/ECS latest period, busiest task / mean of tasks)", s == null));
        }
        // the hint, cut where it can be read in two lines: what is missing, then the command
        tasks.hint().ifPresent(h -> {
            int at = h.indexOf(": aws ");
            out.add(new Line(at < 0 ? h : h.substring(0, at) + ":", true));
            if (at >= 0) {
                out.add(new Line("  " + h.substring(at + 2), true));
            }
        });
        return out;
    }

    /** "tasks 12–97%"; a service of one task has no spread, and says so. */
    static String spread(ServiceSeries s, Metric m, int tasks) {
        if (tasks == 1) {
            return "one task, no spread";
        }
        OptionalDouble min = s == null ? OptionalDouble.empty() : s.min(m).last();
        OptionalDouble max = s == null ? OptionalDouble.empty() : s.max(m).last();
        return min.isPresent() && max.isPresent()
                ? "tasks " + Math.round(min.getAsDouble()) + "–" + Math.round(max.getAsDouble()) + "%" : "no data";
    }

    private static String busiest(ServiceSeries s, Metric m) {
        OptionalDouble max = s == null ? OptionalDouble.empty() : s.max(m).last();
        OptionalDouble avg = s == null ? OptionalDouble.empty() : s.avg(m).last();
        return max.isPresent() && avg.isPresent()
                ? Math.round(max.getAsDouble()) + "% / " + Math.round(avg.getAsDouble()) + "%" : "no data";
    }

    private Row taskRow(TaskFigures f, ClusterTasks tasks, ServiceInfo info, int idLength) {
        RunningTask t = f.task();
        String age = t.startedAt().map(at -> Ages.shortly(Duration.between(at, tasks.now()))).orElse("");
        String where = t.availabilityZone() + t.containerInstanceArn()
                .map(a -> glyphs.sep().strip() + " " + shortId(RunningTask.idOf(a))).map(x -> " " + x).orElse("");
        boolean old = info != null && !info.taskDefinition().isEmpty() && !t.taskDefinitionArn().isEmpty()
                && !info.taskDefinition().equals(t.taskDefinitionArn());
        List<String> notes = new ArrayList<>();
        if (f.hot()) {
            notes.add("hot while its siblings idle");
        }
        if (old) {
            notes.add("not the service's current revision (" + Text.sanitize(info.taskDefinitionShort()) + ")");
        }
        f.storagePeak().ifPresent(v -> {
            if (v >= warn) {
                notes.add("ephemeral storage " + Math.round(v) + "%");
            }
        });
        if (!t.lastStatus().equals("RUNNING") && !t.lastStatus().isEmpty()) {
            notes.add(t.lastStatus().toLowerCase(Locale.ROOT));
        }
        if (!tasks.level().perTask()) {
            notes.add("no per-task figures: Container Insights " + tasks.level().name().toLowerCase(Locale.ROOT));
        }
        OptionalInt rev = t.revision();
        return new Row("task:" + t.id(), Kind.TASK, t.id().substring(0, Math.min(idLength, t.id().length())), age, where,
                rev.isPresent() ? ":" + rev.getAsInt() : "", old, health(t.healthStatus()), "", f.cpuPeak(), f.cpuLatest(),
                f.memoryPeak(), f.memoryLatest(), t.service().orElse(""), f.hot(), String.join(glyphs.sep(), notes));
    }

    private Row containerRow(TaskFigures t, ContainerFigures f, ClusterTasks tasks) {
        InsightsLevel level = tasks.level();
        TaskContainer c = f.container();
        // a container with neither limit may use all of its task's memory, and is killed with the task there
        boolean ofTask = c.memory().isEmpty() && c.memoryReservation().isEmpty();
        OptionalInt limit = c.memory().isPresent() ? c.memory() : ofTask ? t.task().memory() : c.memoryReservation();
        OptionalDouble cpuPeak = c.cpu() > 0 && f.cpuUnitsPeak().isPresent()
                ? OptionalDouble.of(f.cpuUnitsPeak().getAsDouble() * 100.0 / c.cpu()) : OptionalDouble.empty();
        OptionalDouble memPeak = share(f.memoryPeakMiB(), limit);
        OptionalDouble memLatest = share(f.memoryLatestMiB(), limit);
        List<String> notes = new ArrayList<>();
        if (f.nearestLimit()) {
            notes.add("nearest hard limit"); // the mark beside its name points here
        }
        // "127/128 MiB hard, 64 soft": the peak against what gets it OOM-killed, then what it reserves
        List<String> sizes = new ArrayList<>();
        c.memory().ifPresent(m -> sizes.add(m + " MiB hard"));
        c.memoryReservation().ifPresent(m -> sizes.add(m + (c.memory().isPresent() ? " soft" : " MiB soft")));
        if (ofTask) {
            limit.ifPresent(m -> sizes.add(m + " MiB of the task's, no limit of its own"));
        }
        String peak = level.perTask() ? f.memoryPeakMiB().stream().mapToObj(v -> Math.round(v) + "").findFirst().orElse("") : "";
        if (!sizes.isEmpty()) {
            notes.add(peak.isEmpty() ? "memory " + String.join(", ", sizes) : peak + "/" + String.join(", ", sizes));
        }
        f.restarts().ifPresent(r -> notes.add("restarts " + Math.round(r)));
        c.exitCode().ifPresent(x -> notes.add("last exit " + x));
        if (c.cpu() > 0) {
            notes.add(c.cpu() + " CPU units");
        }
        if (!c.reason().isEmpty()) {
            notes.add(Text.sanitize(c.reason()));
        }
        String name = (glyphs.ascii() ? "  " : " └") + c.name();
        String essential = tasks.essential(t.task(), c.name()).map(e -> e ? "yes" : "no").orElse("");
        return new Row("container:" + t.task().id() + "/" + c.name(), Kind.CONTAINER, name, "", "", "", false,
                health(c.healthStatus()), essential, cpuPeak, OptionalDouble.empty(), memPeak, memLatest, t.task().service().orElse(""),
                f.nearestLimit(), String.join(glyphs.sep(), notes));
    }

    /**
     * The service's tasks stopped in the last hour, newest first, as the pane's own read found
     * them (in the fleet too): each with its short id, what it counts towards (OOM, CRASH,
     * HEALTH, or "stopped" for a normal stop), and its time, stop code, reason and exit codes;
     * one row saying so when they could not be read.
     */
    private List<Row> stopped(ClusterTasks tasks, ServiceRef service, ZoneId zone, int idLength) {
        if (tasks.stopped().isEmpty()) {
            return List.of();
        }
        Either<Failure, StoppedTasks> read = tasks.stopped().get();
        if (read.isLeft()) {
            return List.of(stoppedRow("stopped:unread", "stopped", "", service, "stopped tasks not read: " + read.getLeft().line()));
        }
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        List<StoppedTask> newest = new ArrayList<>(read.get().tasks());
        newest.sort(Comparator.comparing((StoppedTask t) -> t.stoppedAt().orElse(Instant.MIN)).reversed());
        List<Row> out = new ArrayList<>();
        for (StoppedTask t : newest) {
            String when = t.stoppedAt().map(at -> "at " + hm.format(at)).orElse("");
            String note = String.join(glyphs.sep(), java.util.stream.Stream.of(when, t.stopCode(), Detect.why(t))
                    .filter(x -> !x.isEmpty()).toList());
            out.add(stoppedRow("stopped:" + t.id(), t.id().substring(0, Math.min(idLength, t.id().length())),
                    Detect.kindOf(t).map(SignalKind::word).orElse("stopped"), service, note));
        }
        return out;
    }

    private static Row stoppedRow(String key, String name, String health, ServiceRef service, String note) {
        return new Row(key, Kind.STOPPED, name, "", "", "", false, health, "", OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), service.name(), false, note);
    }

    private static OptionalDouble share(OptionalDouble mib, OptionalInt of) {
        return mib.isPresent() && of.isPresent() && of.getAsInt() > 0
                ? OptionalDouble.of(mib.getAsDouble() * 100.0 / of.getAsInt()) : OptionalDouble.empty();
    }

    private static String health(String h) {
        return switch (h) {
            case "HEALTHY" -> "healthy";
            case "UNHEALTHY" -> "unhealthy";
            default -> "";
        };
    }

    static String shortId(String id) {
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
    }

    /** {@value #SHORT_ID} characters of each task id, or as many more as tell the tasks apart. */
    static int idLength(List<RunningTask> tasks) {
        int longest = tasks.stream().mapToInt(t -> t.id().length()).max().orElse(0);
        for (int n = SHORT_ID; n < longest; n++) {
            int len = n;
            if (tasks.stream().map(t -> t.id().substring(0, Math.min(t.id().length(), len))).distinct().count() == tasks.size()) {
                return n;
            }
        }
        return Math.max(SHORT_ID, longest);
    }
}
