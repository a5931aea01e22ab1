package ecstop.domain.signal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a service is starved, as a short word for a column, one character for a narrow one
 * (a glyph, or an ASCII letter where the terminal cannot draw it) and the key
 * {@code --fail-on} takes. The glyphs are East Asian width "neutral": one cell everywhere.
 */
public enum SignalKind {
    /** Tasks killed for memory: exit 137, "OutOfMemoryError: Container killed due to memory usage". */
    OOM("oom", "OOM", '↯', 'O', "tasks killed for memory"),
    /** Tasks that stopped abnormally: an essential container exited non-zero, or the task failed to start. */
    CRASH("crash", "CRASH", '✗', 'X', "tasks that exited with an error or failed to start"),
    /** ECS could not place a task: no container instance with the CPU, memory or ports, or no Fargate capacity. */
    PLACEMENT("placement", "PLACE", '⊘', 'P', "tasks ECS could not place"),
    /** Fewer tasks running than desired. */
    SHORT("short", "SHORT", '⇣', 'S', "fewer tasks running than desired"),
    /** A rollout that failed, was rolled back, or has been in progress too long. */
    DEPLOY("deploy", "DEPLOY", '⟳', 'D', "failed, rolled back or stuck rollouts"),
    /** Tasks failing load balancer or container health checks. */
    HEALTH("health", "HEALTH", '✚', 'H', "tasks failing health checks");

    private final String key;
    private final String word;
    private final char glyph;
    private final char letter;
    private final String meaning;

    SignalKind(String key, String word, char glyph, char letter, String meaning) {
        this.key = key;
        this.word = word;
        this.glyph = glyph;
        this.letter = letter;
        this.meaning = meaning;
    }

    /** "oom": the spelling of --fail-on, JSON and CSV. */
    public String key() {
        return key;
    }

    /** "OOM", "PLACE": at most six ASCII letters. */
    public String word() {
        return word;
    }

    /** One cell: the glyph, or with {@code ascii} its letter. */
    public char mark(boolean ascii) {
        return ascii ? letter : glyph;
    }

    /** What it means, for help and legends. */
    public String meaning() {
        return meaning;
    }

    public static Optional<SignalKind> byKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key.equals(k)).findFirst();
    }
}
