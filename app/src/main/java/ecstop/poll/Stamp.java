package ecstop.poll;

/**
 * What a read was asked under: the question's generation and the scope's count. Its answer is
 * wanted while they match the poller's now; {@link #scopeOnly()} for answers that a new lookback
 * or statistic does not make wrong (signals).
 */
record Stamp(long generation, long scope) {
    private static final long ANY = -1;

    Stamp scopeOnly() { return new Stamp(ANY, scope); }

    /** A new question, of the same scope or another. */
    Stamp next(boolean newScope) { return new Stamp(generation + 1, scope + (newScope ? 1 : 0)); }

    boolean matches(Stamp now) { return scope == now.scope && (generation == ANY || generation == now.generation); }
}
