package ecstop.domain;

/**
 * A read beyond the bars, of the scope or of the open service ({@link ServiceReadKeys}), named
 * once and typed by its answer. For the scope: a pane asks for it by this key (its {@code
 * PaneSpec}), the poller reads it (its entry in {@code poll.ScopeReads}), and the State keeps
 * its answer under it ({@code FleetData.answer}); such keys are declared beside the {@link
 * FleetReader} call they read.
 */
public record ReadKey<T>(String name) {
    @Override
    public String toString() { return name; }
}
