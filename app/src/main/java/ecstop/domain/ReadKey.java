package ecstop.domain;

/**
 * A read of the scope beyond the bars, named once and typed by its answer: a pane asks for it
 * by this key (its {@code PaneSpec}), the poller reads it (its entry in {@code poll.ScopeReads}),
 * and the State keeps its answer under it ({@code FleetData.answer}). Keys are declared beside
 * the {@link FleetReader} call they read.
 */
public record ReadKey<T>(String name) {
    @Override
    public String toString() { return name; }
}
