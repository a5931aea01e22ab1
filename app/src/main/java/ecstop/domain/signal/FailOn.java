package ecstop.domain.signal;

import ecstop.domain.Metric;
import ecstop.domain.Thresholds;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What makes {@code --once} exit non-zero, for cron and CI: any of the signal kinds, or
 * {@code hot}, a service whose CPU or memory figure is at or over the hot threshold.
 */
public record FailOn(Set<SignalKind> kinds, boolean hot) {
    public static final FailOn NOTHING = new FailOn(Set.of(), false);
    public static final String HOT = "hot";

    public FailOn {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** "oom,placement,hot"; an unknown word is a Left naming it and the words allowed. */
    public static Either<String, FailOn> parse(String list) {
        Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        boolean hot = false;
        for (String raw : list.split(",", -1)) {
            String word = raw.trim().toLowerCase(Locale.ROOT);
            if (word.equals(HOT)) {
                hot = true;
            } else if (SignalKind.byKey(word).isPresent()) {
                kinds.add(SignalKind.byKey(word).get());
            } else {
                return Either.left("--fail-on: '" + printable(raw.trim()) + "' is not a signal; use a comma-separated list of "
                        + allowed());
            }
        }
        return Either.right(new FailOn(kinds, hot));
    }

    /** "oom, crash, placement, short, deploy, health, hot". */
    public static String allowed() {
        return Arrays.stream(SignalKind.values()).map(SignalKind::key).collect(Collectors.joining(", ")) + ", " + HOT;
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && !hot;
    }

    /** Whether {@code service} with these signals and figures trips it. */
    public boolean trips(String service, List<Signal> signals, OptionalDouble cpu, OptionalDouble memory,
                         Thresholds thresholds) {
        return !matches(service, signals, cpu, memory, thresholds).isEmpty();
    }

    /**
     * The words of the list {@code service} shows, in the list's order: "oom", "hot". Hot is by
     * the thresholds that apply to that service (its per-service rules too, as the TUI colours
     * and alerts); INFO signals (passed or expected) never count.
     */
    public List<String> matches(String service, List<Signal> signals, OptionalDouble cpu, OptionalDouble memory,
                                Thresholds thresholds) {
        List<String> out = new java.util.ArrayList<>();
        for (SignalKind k : SignalKind.values()) {
            if (kinds.contains(k) && signals.stream().anyMatch(s -> s.kind() == k && s.severity() != Severity.INFO)) {
                out.add(k.key());
            }
        }
        if (hot && (over(cpu, thresholds.of(Metric.CPU, service)) || over(memory, thresholds.of(Metric.MEMORY, service)))) {
            out.add(HOT);
        }
        return out;
    }

    private static boolean over(OptionalDouble v, Thresholds t) {
        return v.isPresent() && v.getAsDouble() >= t.hot();
    }

    private static String printable(String s) {
        return Messages.clean(s.length() > 40 ? s.substring(0, 40) : s);
    }
}
