package ecstop.domain;

import java.util.OptionalInt;

/**
 * A container of a stopped task: its exit code (none when it never started or was still
 * stopping) and ECS's reason, e.g. "OutOfMemoryError: Container killed due to memory usage".
 */
public record StoppedContainer(String name, OptionalInt exitCode, String reason) {
    public StoppedContainer {
        name = name == null ? "" : name;
        reason = reason == null ? "" : reason;
    }
}
