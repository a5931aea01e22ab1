package ecstop.ui.present;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The tasks pane as it reads: where its figures come from and what is missing on the lines
 * above the rows (the service's spread or figures, the hint that turns per-task figures on),
 * then a row per running task with its containers indented under it, then the service's tasks
 * stopped in the last hour; or one dim line while loading or when the read failed.
 */
public record TasksModel(String title, String note, boolean focused, List<Line> above, List<Row> rows, int cursor,
                         Optional<String> empty) {
    public TasksModel {
        above = List.copyOf(above);
        rows = List.copyOf(rows);
    }

    /** A line above the rows; {@code dim} for what is missing rather than known. */
    public record Line(String text, boolean dim) {}

    public enum Kind { TASK, CONTAINER, STOPPED }

    /**
     * One row. For a task: its short id, age, AZ (and container instance on EC2), revision
     * ({@code oldRevision}: not the service's current one), health, CPU and memory as a share of
     * the task's size at the peak and the latest period. For a container: its name, whether it
     * is essential ("yes", "no", blank when its task definition could not be read), its CPU against its own units and memory against its hard
     * limit (else its soft reservation), peak and latest. {@code marked}: the hot task, the
     * container nearest its hard limit. {@code note}: what the figures leave out.
     */
    public record Row(String key, Kind kind, String name, String age, String where, String revision, boolean oldRevision,
                      String health, String essential, OptionalDouble cpuPeak, OptionalDouble cpuLatest, OptionalDouble memoryPeak,
                      OptionalDouble memoryLatest, String service, boolean marked, String note) {}
}
