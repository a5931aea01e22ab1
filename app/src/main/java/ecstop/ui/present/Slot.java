package ecstop.ui.present;

/**
 * Where a pane sits: the picker's column on the left, the whole area beside it, one of its two
 * halves (side by side from 100 columns, else stacked), or the band below them.
 */
public enum Slot { SIDE, MAIN, FIRST, SECOND, BELOW }
