package ecstop.ui.present;

import ecstop.ui.state.ScreenSize;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the slots go. The side column on the left (on a narrow screen only while its pane has
 * the focus, then full width), the main area beside it, whole or in two halves side by side
 * when each gets at least 50 columns, else stacked, the band below them while a pane is in it,
 * the status bar at the bottom. Below 40x12 there is only a one-line notice.
 */
public record Layout(boolean tooSmall, Map<Slot, Rect> slots, Rect status) {
    public static final int MIN_WIDTH = 40;
    public static final int MIN_HEIGHT = 12;

    public Layout {
        slots = Map.copyOf(slots);
    }

    /** {@code used}: the slots of the panes shown; {@code sideFocused}: the focus is in the side column. */
    public static Layout of(ScreenSize size, Set<Slot> used, boolean sideFocused) {
        int w = size.columns();
        int h = size.rows();
        Rect status = new Rect(0, h - 1, w, 1);
        Map<Slot, Rect> at = new EnumMap<>(Slot.class);
        if (w < MIN_WIDTH || h < MIN_HEIGHT) {
            return new Layout(true, at, status);
        }
        int bodyH = h - 1;
        if (w < 60 && sideFocused) {
            at.put(Slot.SIDE, new Rect(0, 0, w, bodyH));
            return new Layout(false, at, status);
        }
        int left = 0;
        if (w >= 60) {
            // from 110 columns the picker is wide enough for the reservation columns
            int pw = Math.max(w >= 110 ? 32 : 22, Math.min(36, w / 6));
            at.put(Slot.SIDE, new Rect(0, 0, pw, bodyH));
            left = pw;
        }
        int rw = w - left;
        int panelsH = bodyH;
        if (used.contains(Slot.BELOW)) {
            int dh = Math.max(5, Math.min(Math.min(bodyH * 2 / 5, 40), bodyH - 8));
            panelsH = bodyH - dh;
            at.put(Slot.BELOW, new Rect(left, panelsH, rw, dh));
        }
        at.put(Slot.MAIN, new Rect(left, 0, rw, panelsH));
        if (rw >= 100) {
            int half = rw / 2;
            at.put(Slot.FIRST, new Rect(left, 0, half, panelsH));
            at.put(Slot.SECOND, new Rect(left + half, 0, rw - half, panelsH));
        } else {
            int top = panelsH / 2 + panelsH % 2;
            at.put(Slot.FIRST, new Rect(left, 0, rw, top));
            at.put(Slot.SECOND, new Rect(left, top, rw, panelsH - top));
        }
        return new Layout(false, at, status);
    }

    public Optional<Rect> at(Slot slot) {
        return Optional.ofNullable(slots.get(slot));
    }
}
