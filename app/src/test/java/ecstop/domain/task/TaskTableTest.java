package ecstop.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The tasks table's rules: hottest first, the one hot task among idle siblings, the container nearest its hard limit. */
class TaskTableTest {
    static final ClusterRef CLUSTER = new ClusterRef(Target.of("default", "eu-west-1"), "c");
    static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    static RunningTask task(String service, String id, TaskContainer... containers) {
        return new RunningTask(CLUSTER, "arn:aws:ecs:eu-west-1:1:task/c/" + id, id, "service:" + service, "td:1", "RUNNING",
                "HEALTHY", "FARGATE", "eu-west-1a", Optional.empty(), OptionalInt.of(256), OptionalInt.of(512),
                Optional.of(T), List.of(containers));
    }

    static TaskContainer container(String name, int limit) {
        return new TaskContainer(name, "RUNNING", "UNKNOWN", 0, OptionalInt.of(limit), OptionalInt.empty(),
                OptionalInt.empty(), "");
    }

    static Series series(double... values) {
        List<Point> p = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            p.add(new Point(T.plusSeconds(60L * i), values[i]));
        }
        return new Series(p);
    }

    static TaskUsages usage(String service, Map<String, double[]> cpuByTask, Map<List<String>, double[]> memByContainer) {
        List<TaskUsage> tasks = new ArrayList<>();
        cpuByTask.forEach((id, v) -> tasks.add(new TaskUsage(id, Map.of(TaskMetric.CPU_PERCENT, series(v)))));
        List<ContainerUsage> cs = new ArrayList<>();
        memByContainer.forEach((k, v) -> cs.add(new ContainerUsage(k.get(0), k.get(1), Map.of(ContainerMetric.MEMORY_MIB, series(v)))));
        return new TaskUsages(new ServiceRef(CLUSTER, service), new TimeWindow(T, T.plusSeconds(600), Duration.ofMinutes(1)),
                tasks, cs, CallStats.NONE);
    }

    @Test
    void oneTaskFarAboveItsSiblingsIsHotAndComesFirst() {
        List<RunningTask> running = List.of(task("a", "t1"), task("a", "t2"), task("a", "t3"));
        TaskTable table = TaskTable.of(running, List.of(usage("a",
                Map.of("t1", new double[] {5, 6}, "t2", new double[] {60, 92}, "t3", new double[] {4, 5}), Map.of())), 80);

        assertThat(table.tasks()).extracting(f -> f.task().id()).containsExactly("t2", "t1", "t3");
        assertThat(table.hot()).extracting(f -> f.task().id()).containsExactly("t2");
    }

    @Test
    void aBusyServiceHasNoHotTaskNorDoesALoneOneNorAnIdleOne() {
        TaskTable busy = TaskTable.of(List.of(task("a", "t1"), task("a", "t2")), List.of(usage("a",
                Map.of("t1", new double[] {90}, "t2", new double[] {85}), Map.of())), 80);
        TaskTable alone = TaskTable.of(List.of(task("a", "t1")), List.of(usage("a", Map.of("t1", new double[] {99}), Map.of())), 80);
        TaskTable idle = TaskTable.of(List.of(task("a", "t1"), task("a", "t2")), List.of(usage("a",
                Map.of("t1", new double[] {30}, "t2", new double[] {3}), Map.of())), 80);

        assertThat(busy.hot()).isEmpty();
        assertThat(alone.hot()).isEmpty();
        assertThat(idle.hot()).isEmpty();
    }

    @Test
    void theContainerNearestItsHardLimitIsMarkedOnceAcrossTasks() {
        List<RunningTask> running = List.of(task("a", "t1", container("app", 1024), container("log", 128)),
                task("b", "t2", container("app", 512)));
        TaskTable table = TaskTable.of(running, List.of(
                usage("a", Map.of(), Map.of(List.of("t1", "app"), new double[] {400}, List.of("t1", "log"), new double[] {100, 120})),
                usage("b", Map.of(), Map.of(List.of("t2", "app"), new double[] {450}))), 80);

        assertThat(table.nearestLimit()).hasValueSatisfying(c -> {
            assertThat(c.container().name()).isEqualTo("log");
            assertThat(c.ofLimit().getAsDouble()).isEqualTo(120 * 100.0 / 128);
        });
        assertThat(table.taskOf(table.nearestLimit().get()).get().task().id()).isEqualTo("t1");
        assertThat(table.tasks().stream().flatMap(t -> t.containers().stream()).filter(ContainerFigures::nearestLimit)).hasSize(1);
    }

    @Test
    void withoutFiguresEveryTaskIsListedAndNothingMarked() {
        TaskTable table = TaskTable.of(List.of(task("a", "t1", container("app", 512))), List.of(), 80);

        assertThat(table.tasks()).hasSize(1);
        assertThat(table.nearestLimit()).isEmpty();
        assertThat(table.hot()).isEmpty();
        assertThat(table.tasks().get(0).cpuPeak()).isEmpty();
    }
}
