package ecstop.poll;

/**
 * When a read that need not come with every refresh is due, counted in refreshes: at once
 * the first time and for a new scope or question, then on every {@code every}th refresh, and
 * after a failure at the next one. The task details (DescribeServices, the call that costs most
 * ECS quota, for task counts that change slowly), the fleet's right-sizing table (every
 * cluster's reads, for maxima over days) and the cluster list all keep time this way; the
 * refresh itself keeps time by the clock ({@link Cadence}). A read counts as done when it
 * starts, so one still running is not started twice. {@code failures}: in a row, for the
 * cluster list's retry before any cluster is chosen. Immutable.
 */
public record Due(int every, int since, int failures) {
    public Due {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1: " + every);
        }
    }

    /** Due at once, then every {@code every}th refresh. */
    public static Due every(int every) {
        return new Due(every, every - 1, 0);
    }

    /** Due every {@code every}th refresh, the first {@code every} refreshes from now. */
    public static Due after(int every) {
        return new Due(every, 0, 0);
    }

    public boolean now() {
        return since >= every - 1;
    }

    /** Asked on this refresh. */
    public Due asked() {
        return new Due(every, 0, failures);
    }

    /** A refresh went by without it. */
    public Due passed() {
        return new Due(every, since + 1, failures);
    }

    /** It failed as a whole: due again at the next refresh. */
    public Due failed() {
        return new Due(every, Math.max(since, every - 1), failures + 1);
    }

    public Due succeeded() {
        return failures == 0 ? this : new Due(every, since, 0);
    }

    /** A new scope or question: due at once. */
    public Due again() {
        return now() ? this : new Due(every, every - 1, failures);
    }
}
