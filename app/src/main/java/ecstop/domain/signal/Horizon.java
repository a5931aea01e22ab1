package ecstop.domain.signal;

import java.time.Instant;
import java.util.Optional;

/**
 * How far back a signal could see. ECS keeps stopped tasks about an hour, so a count of OOM
 * kills covers the last hour and never a day; service events go back as far as the events
 * DescribeServices returned ({@code from}, the oldest read); deployments and task counts are
 * as of now.
 */
public record Horizon(Source source, Optional<Instant> from) {
    public enum Source {
        STOPPED_TASKS("stopped tasks, last ~1h (ECS keeps them about an hour)"),
        SERVICE_EVENTS("service events"),
        DEPLOYMENTS("current deployments"),
        TASK_COUNTS("task counts now");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return switch (this) {
                case STOPPED_TASKS -> "stoppedTasks";
                case SERVICE_EVENTS -> "serviceEvents";
                case DEPLOYMENTS -> "deployments";
                case TASK_COUNTS -> "taskCounts";
            };
        }
    }

    public static Horizon of(Source source, Instant from) {
        return new Horizon(source, Optional.ofNullable(from));
    }

    /** "stopped tasks, last ~1h (ECS keeps them about an hour)", "service events since 2026-11-20T10:00Z". */
    public String describe() {
        return source == Source.SERVICE_EVENTS
                ? source.label() + from.map(f -> " since " + Times.minute(f)).orElse("")
                : source.label();
    }
}
