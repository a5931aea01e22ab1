package ecstop.emulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fault injection, all off in {@link #NONE}. Rates are probabilities per call in [0, 1]:
 * {@code throttleRate} answers ThrottlingException, {@code errorRate} an internal error
 * (HTTP 500), {@code dropRate} closes the connection without an answer.
 * {@code expiredCredentials} answers every call as AWS does when the session token has
 * expired; {@code deniedActions} answers access denied for the named operations
 * ("GetMetricData" or "cloudwatch:GetMetricData"). Immutable: switch faults on a running
 * emulator with {@link Emulator#faults(Faults)}.
 */
public record Faults(
        double throttleRate,
        double errorRate,
        double dropRate,
        Outage outage,
        boolean expiredCredentials,
        Set<String> deniedActions) {

    public static final Faults NONE = new Faults(0, 0, 0, Outage.NONE, false, Set.of());

    public Faults {
        checkRate("throttleRate", throttleRate);
        checkRate("errorRate", errorRate);
        checkRate("dropRate", dropRate);
        deniedActions = deniedActions.stream().map(Faults::bareAction).collect(Collectors.toUnmodifiableSet());
    }

    public Faults withThrottleRate(double rate) {
        return new Faults(rate, errorRate, dropRate, outage, expiredCredentials, deniedActions);
    }

    public Faults withErrorRate(double rate) {
        return new Faults(throttleRate, rate, dropRate, outage, expiredCredentials, deniedActions);
    }

    public Faults withDropRate(double rate) {
        return new Faults(throttleRate, errorRate, rate, outage, expiredCredentials, deniedActions);
    }

    public Faults withOutage(Outage o) {
        return new Faults(throttleRate, errorRate, dropRate, o, expiredCredentials, deniedActions);
    }

    public Faults withExpiredCredentials(boolean expired) {
        return new Faults(throttleRate, errorRate, dropRate, outage, expired, deniedActions);
    }

    public Faults withDenied(String... actions) {
        return new Faults(throttleRate, errorRate, dropRate, outage, expiredCredentials, Set.of(actions));
    }

    public boolean denies(String operation) {
        return deniedActions.contains(operation);
    }

    /** "cloudwatch:GetMetricData" → "GetMetricData": IAM's spelling or the bare name. */
    static String bareAction(String action) {
        String a = action.trim();
        int colon = a.indexOf(':');
        return colon >= 0 ? a.substring(colon + 1) : a;
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [0, 1], got %s", name, rate));
        }
    }

    /**
     * AWS unreachable between {@code from} (inclusive) and {@code until} (exclusive), by the
     * emulator's clock: connections refused (the listening socket is closed), or every call
     * answered 503 Service Unavailable.
     */
    public record Outage(Mode mode, Instant from, Instant until) {
        public static final Outage NONE = new Outage(Mode.NONE, Instant.MIN, Instant.MIN);

        public enum Mode { NONE, REFUSE_CONNECTIONS, SERVICE_UNAVAILABLE }

        /** Connections refused from now until the fault is switched off. */
        public static Outage refused() {
            return new Outage(Mode.REFUSE_CONNECTIONS, Instant.MIN, Instant.MAX);
        }

        public static Outage refused(Instant from, Instant until) {
            return new Outage(Mode.REFUSE_CONNECTIONS, from, until);
        }

        /** 503 from now until the fault is switched off. */
        public static Outage unavailable() {
            return new Outage(Mode.SERVICE_UNAVAILABLE, Instant.MIN, Instant.MAX);
        }

        public static Outage unavailable(Instant from, Instant until) {
            return new Outage(Mode.SERVICE_UNAVAILABLE, from, until);
        }

        public boolean activeAt(Instant t) {
            return mode != Mode.NONE && !t.isBefore(from) && t.isBefore(until);
        }

        boolean refusesAt(Instant t) {
            return mode == Mode.REFUSE_CONNECTIONS && activeAt(t);
        }

        boolean unavailableAt(Instant t) {
            return mode == Mode.SERVICE_UNAVAILABLE && activeAt(t);
        }
    }
}
