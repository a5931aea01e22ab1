package ecstop.ui.view;

/** How a column claims its width from a panel's inner width. */
public sealed interface Width {
    /** Always {@code columns} wide. */
    record Fixed(int columns) implements Width {}

    /**
     * As wide as its content ({@code wanted}), at least {@code min}, at most num/den of the
     * row; the first to give way (down to one column) when a {@link Fill} falls below its minimum.
     */
    record Content(int wanted, int min, int num, int den) implements Width {}

    /** Whatever the other columns leave. */
    record Fill(int min) implements Width {}

    /** A 1/divisor share of what is left, at most {@code max}; shown only when at least {@code minRoom} is left. */
    record Share(int divisor, int max, int minRoom) implements Width {}
}
