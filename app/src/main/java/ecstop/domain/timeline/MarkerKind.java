package ecstop.domain.timeline;

import ecstop.domain.signal.SignalKind;

/**
 * What happened at a marker on the timeline, with one cell to draw it in (a glyph, or an ASCII
 * letter where the terminal cannot draw it) and a short word for the legend. The glyphs are
 * East Asian width "neutral", one cell everywhere, like {@link SignalKind}'s; OOM kills and
 * crashes borrow that enum's marks so the chart and the signal column read the same.
 */
public enum MarkerKind {
    DEPLOYMENT_STARTED('⟳', 'D', "deploy", true, 4),
    DEPLOYMENT_COMPLETED('✓', 'C', "deployed", true, 1),
    DEPLOYMENT_ROLLED_BACK('↺', 'R', "rollback", true, 5),
    TASK_DEF_CHANGE('✎', 'T', "task def", true, 3),
    OOM_KILL(SignalKind.OOM.mark(false), SignalKind.OOM.mark(true), "OOM kill", false, 7),
    CRASH(SignalKind.CRASH.mark(false), SignalKind.CRASH.mark(true), "crash", false, 6),
    SCALING('⇅', 'S', "scaling", true, 2);

    private final char glyph;
    private final char letter;
    private final String word;
    private final boolean change;
    private final int rank;

    MarkerKind(char glyph, char letter, String word, boolean change, int rank) {
        this.glyph = glyph;
        this.letter = letter;
        this.word = word;
        this.change = change;
        this.rank = rank;
    }

    /** One cell: the glyph, or with {@code ascii} its letter. */
    public char mark(boolean ascii) {
        return ascii ? letter : glyph;
    }

    /** "deploy", "OOM kill": the legend's word. */
    public String word() {
        return word;
    }

    /**
     * A change made to the service (a deployment, a new revision, scaling) rather than an
     * incident in it. Changes are the candidates for "after what", and few enough to draw a
     * line through the chart for; OOM kills in a crash loop would fill every column.
     */
    public boolean change() {
        return change;
    }

    /** A new release of the service's code: a deployment started, or a new task-definition revision. */
    public boolean release() {
        return this == DEPLOYMENT_STARTED || this == TASK_DEF_CHANGE;
    }

    /**
     * Which kind shows when several share one column: incidents over rollbacks over starts
     * over the routine completions.
     */
    public int rank() {
        return rank;
    }
}
