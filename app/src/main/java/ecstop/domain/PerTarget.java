package ecstop.domain;

import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One answer per target, in target order: a failing target (expired SSO, access denied, a
 * region without ECS) is a Left beside the others' Rights, never the end of them.
 */
public record PerTarget<T>(Map<Target, Either<Failure, T>> results) {
    public PerTarget {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    public List<T> successes() {
        return results.values().stream().flatMap(e -> e.fold(f -> java.util.stream.Stream.<T>empty(), java.util.stream.Stream::of)).toList();
    }

    public Map<Target, Failure> failures() {
        Map<Target, Failure> out = new LinkedHashMap<>();
        results.forEach((t, e) -> e.swap().forEach(f -> out.put(t, f)));
        return out;
    }

    public <U> PerTarget<U> map(Function<T, U> f) {
        Map<Target, Either<Failure, U>> out = new LinkedHashMap<>();
        results.forEach((t, e) -> out.put(t, e.map(f)));
        return new PerTarget<>(out);
    }
}
