package ecstop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.domain.Metric;
import ecstop.domain.task.ContainerFigures;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.TaskFigures;
import ecstop.domain.timeline.ServiceSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** {@code --once --view tasks} as text (tasks and their containers), JSON or CSV (a row a container). */
final class TasksPrint {
    private TasksPrint() {}

    static String text(TasksReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(SafeText.safe(r.cluster().name())).append(r.service().map(s -> " · " + SafeText.safe(s)).orElse(""))
                .append(" · tasks · Container Insights ").append(r.level().name().toLowerCase(Locale.ROOT))
                .append(" · lookback ").append(r.lookback().label()).append(" · ").append(r.window().periodSeconds())
                .append(" s periods").append('\n');
        r.hint().ifPresent(h -> sb.append(h).append('\n'));
        if (r.table().tasks().isEmpty()) {
            return sb.append("no running tasks\n").toString();
        }
        if (!r.services().isEmpty()) {
            sb.append('\n').append(r.level() == InsightsLevel.DISABLED
                    ? "service figures (AWS/ECS, latest period: least–most loaded task)\n"
                    : "service figures (AWS/ECS, latest period: busiest task / mean of tasks)\n");
            int w = r.serviceOrder().stream().mapToInt(String::length).max().orElse(7);
            for (String n : r.serviceOrder()) {
                ServiceSeries s = r.services().get(n);
                if (s == null) {
                    continue;
                }
                int tasks = r.taskCounts().getOrDefault(n, 0);
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %2d %s  CPU %s  memory %s%n", SafeText.safe(n), tasks,
                        tasks == 1 ? "task " : "tasks", figure(r, s, Metric.CPU, tasks), figure(r, s, Metric.MEMORY, tasks)));
            }
        }
        sb.append('\n');
        boolean figures = r.level().perTask();
        int w = Math.max(7, r.table().tasks().stream().mapToInt(t -> t.task().service().orElse("").length()).max().orElse(7));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-32s  %-5s  %-11s  %-9s", "SERVICE", "TASK", "REV", "AZ", "HEALTH"));
        sb.append(figures ? "  CPU peak/last  MEM peak/last\n" : "  STATUS\n");
        for (TaskFigures t : r.ordered()) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s  %-32s  %-5s  %-11s  %-9s", SafeText.safe(t.task().service().orElse("-")),
                    SafeText.safe(t.task().id()), revision(t.task().revision()), SafeText.safe(t.task().availabilityZone()),
                    SafeText.safe(t.task().healthStatus())));
            if (figures) {
                sb.append(String.format(Locale.ROOT, "  %-13s  %-13s", pair(t.cpuPeak(), t.cpuLatest()),
                        pair(t.memoryPeak(), t.memoryLatest())));
                if (t.hot()) {
                    sb.append("◀ hot while its siblings idle");
                }
            } else {
                sb.append("  ").append(SafeText.safe(t.task().lastStatus()));
            }
            sb.append('\n');
            for (ContainerFigures c : t.containers()) {
                sb.append("    ").append(SafeText.safe(c.container().name())).append(": ").append(container(c, figures));
                if (c.nearestLimit()) {
                    sb.append("  ◀ nearest its hard limit");
                }
                sb.append('\n');
            }
        }
        return sb.toString().replaceAll(" +\n", "\n");
    }

    private static String figure(TasksReport r, ServiceSeries s, Metric m, int tasks) {
        if (r.level() == InsightsLevel.DISABLED) {
            return TasksOnce.spread(s, m, tasks);
        }
        return TasksOnce.percent(s.max(m).last()) + " / " + TasksOnce.percent(s.avg(m).last());
    }

    private static String container(ContainerFigures c, boolean figures) {
        List<String> parts = new ArrayList<>();
        var k = c.container();
        if (figures) {
            parts.add("CPU " + c.cpuUnitsPeak().stream().mapToObj(v -> String.valueOf(Math.round(v))).findFirst().orElse("–")
                    + (k.cpu() > 0 ? " of " + k.cpu() : "") + " units");
            String mem = "memory " + c.memoryPeakMiB().stream().mapToObj(v -> String.valueOf(Math.round(v))).findFirst().orElse("–")
                    + " MiB";
            if (k.memory().isPresent()) {
                mem += " of " + k.memory().getAsInt() + " hard (" + TasksOnce.percent(c.ofLimit()) + ")";
            }
            if (k.memoryReservation().isPresent()) {
                mem += ", reservation " + k.memoryReservation().getAsInt() + " (" + TasksOnce.percent(c.ofReservation()) + ")";
            }
            parts.add(mem);
            parts.add("restarts " + c.restarts().stream().mapToObj(v -> String.valueOf(Math.round(v))).findFirst().orElse("–"));
        } else {
            parts.add(SafeText.safe(k.lastStatus()).toLowerCase(Locale.ROOT));
            k.memory().ifPresent(m -> parts.add("hard limit " + m + " MiB"));
            k.memoryReservation().ifPresent(m -> parts.add("reservation " + m + " MiB"));
        }
        k.exitCode().ifPresent(e -> parts.add("last exit " + e));
        return String.join(", ", parts);
    }

    static String json(TasksReport r) {
        ObjectMapper mapper = JsonReport.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("cluster", r.cluster().name());
        r.service().ifPresentOrElse(s -> root.put("service", s), () -> root.putNull("service"));
        root.put("profile", r.cluster().target().profile());
        root.put("region", r.cluster().target().region());
        root.put("containerInsights", r.level().name().toLowerCase(Locale.ROOT));
        root.put("lookback", r.lookback().label());
        root.put("periodSeconds", r.window().periodSeconds());
        root.put("at", r.now().toString());
        r.hint().ifPresentOrElse(h -> root.put("hint", h), () -> root.putNull("hint"));
        var nearest = r.table().nearestLimit();
        if (nearest.isPresent()) {
            ContainerFigures c = nearest.get();
            TaskFigures t = r.table().taskOf(c).orElseThrow();
            ObjectNode n = root.putObject("nearestHardLimit");
            n.put("service", t.task().service().orElse("")).put("task", t.task().id()).put("container", c.container().name());
            number(n, "memoryPeakMiB", c.memoryPeakMiB());
            n.put("hardLimitMiB", c.container().memory().getAsInt());
            number(n, "percentOfLimit", c.ofLimit());
        } else {
            root.putNull("nearestHardLimit");
        }
        ArrayNode hot = root.putArray("hotTasks");
        r.table().hot().forEach(t -> hot.addObject().put("service", t.task().service().orElse("")).put("task", t.task().id()));
        ArrayNode services = root.putArray("services");
        for (String n : r.serviceOrder()) {
            ServiceSeries s = r.services().get(n);
            if (s == null) {
                continue;
            }
            ObjectNode o = services.addObject();
            o.put("service", n).put("tasks", r.taskCounts().getOrDefault(n, 0));
            for (Metric m : Metric.values()) {
                ObjectNode f = o.putObject(m == Metric.CPU ? "cpu" : "memory");
                number(f, "max", s.max(m).last());
                number(f, "avg", s.avg(m).last());
                if (r.level() == InsightsLevel.DISABLED) {
                    number(f, "min", s.min(m).last());
                    f.put("spread", TasksOnce.spread(s, m, r.taskCounts().getOrDefault(n, 0)));
                }
            }
        }
        ArrayNode tasks = root.putArray("tasks");
        for (TaskFigures t : r.ordered()) {
            ObjectNode o = tasks.addObject();
            o.put("service", t.task().service().orElse("")).put("task", t.task().id()).put("arn", t.task().arn());
            integer(o, "revision", t.task().revision());
            o.put("availabilityZone", t.task().availabilityZone()).put("health", t.task().healthStatus())
                    .put("lastStatus", t.task().lastStatus());
            t.task().startedAt().ifPresentOrElse(s -> o.put("startedAt", s.toString()), () -> o.putNull("startedAt"));
            ObjectNode cpu = o.putObject("cpu");
            number(cpu, "peak", t.cpuPeak());
            number(cpu, "latest", t.cpuLatest());
            ObjectNode mem = o.putObject("memory");
            number(mem, "peak", t.memoryPeak());
            number(mem, "latest", t.memoryLatest());
            number(o, "ephemeralStoragePeak", t.storagePeak());
            o.put("hot", t.hot());
            ArrayNode cs = o.putArray("containers");
            for (ContainerFigures c : t.containers()) {
                ObjectNode co = cs.addObject();
                co.put("name", c.container().name()).put("cpuUnits", c.container().cpu());
                number(co, "cpuUnitsPeak", c.cpuUnitsPeak());
                integer(co, "memoryHardLimitMiB", c.container().memory());
                integer(co, "memoryReservationMiB", c.container().memoryReservation());
                number(co, "memoryPeakMiB", c.memoryPeakMiB());
                number(co, "memoryLatestMiB", c.memoryLatestMiB());
                number(co, "percentOfHardLimit", c.ofLimit());
                number(co, "percentOfReservation", c.ofReservation());
                number(co, "restarts", c.restarts());
                integer(co, "exitCode", c.container().exitCode());
                co.put("nearestHardLimit", c.nearestLimit());
            }
        }
        JsonReport.aws(root, r.calls());
        return JsonReport.pretty(mapper, root);
    }

    /** A row a container, its task's figures repeated; empty cells where there is no figure. */
    static String csv(TasksReport r) {
        StringBuilder sb = new StringBuilder("service,task,revision,availability_zone,health,task_cpu_peak,task_cpu_latest,"
                + "task_memory_peak,task_memory_latest,hot,container,container_cpu_units,container_cpu_units_peak,"
                + "memory_hard_limit_mib,memory_reservation_mib,memory_peak_mib,percent_of_hard_limit,restarts,"
                + "nearest_hard_limit\r\n");
        for (TaskFigures t : r.ordered()) {
            for (ContainerFigures c : t.containers()) {
                List<String> cells = List.of(CsvReport.quote(t.task().service().orElse("")), t.task().id(),
                        text(t.task().revision()), CsvReport.quote(t.task().availabilityZone()), CsvReport.quote(t.task().healthStatus()),
                        num(t.cpuPeak()), num(t.cpuLatest()), num(t.memoryPeak()), num(t.memoryLatest()), String.valueOf(t.hot()),
                        CsvReport.quote(c.container().name()), String.valueOf(c.container().cpu()), num(c.cpuUnitsPeak()),
                        text(c.container().memory()), text(c.container().memoryReservation()), num(c.memoryPeakMiB()),
                        num(c.ofLimit()), num(c.restarts()), String.valueOf(c.nearestLimit()));
                sb.append(String.join(",", cells)).append("\r\n");
            }
        }
        return sb.toString();
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "";
    }

    private static String text(OptionalInt v) {
        return v.isPresent() ? String.valueOf(v.getAsInt()) : "";
    }

    private static void number(ObjectNode o, String key, OptionalDouble v) {
        JsonReport.number(o, key, v);
    }

    private static void integer(ObjectNode o, String key, OptionalInt v) {
        if (v.isPresent()) {
            o.put(key, v.getAsInt());
        } else {
            o.putNull(key);
        }
    }

    private static String pair(OptionalDouble peak, OptionalDouble latest) {
        return TasksOnce.percent(peak) + "/" + TasksOnce.percent(latest);
    }

    private static String revision(OptionalInt r) {
        return r.isPresent() ? ":" + r.getAsInt() : "-";
    }
}
