package ecstop.ui.widget.chart;

import ecstop.domain.timeline.MarkerKind;

/**
 * What a chart cell is, so the UI can colour it: {@code series} is the line's index for
 * SERIES, DIM and CLIP cells (else -1), {@code kind} the marker's for MARKER, LINE and
 * SELECTED cells (else null).
 */
public record Ink(Role role, int series, MarkerKind kind) {
    public enum Role {
        BLANK,
        /** The axes' lines and ticks. */
        AXIS,
        /** Axis labels and legend words. */
        LABEL,
        /** A line's dots or blocks. */
        SERIES,
        /** A dimmed line's (a week ago). */
        DIM,
        WARN,
        HOT,
        /** A value above the top of the chart. */
        CLIP,
        /** A marker's glyph on the time axis or in the legend. */
        MARKER,
        /** The faint line a change's marker draws up through the chart. */
        LINE,
        /** The marker ←/→ selected, its glyph and its line. */
        SELECTED
    }

    public static final Ink BLANK = new Ink(Role.BLANK, -1, null);
    public static final Ink AXIS = new Ink(Role.AXIS, -1, null);
    public static final Ink LABEL = new Ink(Role.LABEL, -1, null);
    public static final Ink WARN = new Ink(Role.WARN, -1, null);
    public static final Ink HOT = new Ink(Role.HOT, -1, null);

    public static Ink series(int index, boolean dim) {
        return new Ink(dim ? Role.DIM : Role.SERIES, index, null);
    }

    public static Ink clip(int index) {
        return new Ink(Role.CLIP, index, null);
    }

    public static Ink marker(MarkerKind kind) {
        return new Ink(Role.MARKER, -1, kind);
    }

    public static Ink line(MarkerKind kind) {
        return new Ink(Role.LINE, -1, kind);
    }

    public static Ink selected(MarkerKind kind) {
        return new Ink(Role.SELECTED, -1, kind);
    }
}
