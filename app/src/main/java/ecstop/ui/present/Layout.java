package ecstop.ui.present;

import ecstop.domain.Metric;
import ecstop.ui.state.Pane;
import ecstop.domain.View;
import ecstop.ui.state.ScreenSize;
import ecstop.ui.state.State;
import java.util.Optional;

/**
 * Where the panes go. The cluster picker on the left (on a narrow screen only while it has
 * the focus, then full width), the CPU and memory panels side by side when each gets at
 * least 50 columns, else stacked (or the right-sizing table in their place, in the CPU
 * pane's slot), the detail pane under them, the status bar at the bottom.
 * Below 40x12 there is only a one-line notice.
 */
public record Layout(boolean tooSmall, Optional<Rect> clusters, Optional<Rect> cpu, Optional<Rect> memory,
                     Optional<Rect> detail, Rect status) {
    public static final int MIN_WIDTH = 40;
    public static final int MIN_HEIGHT = 12;

    public static Layout of(ScreenSize size, State s) {
        int w = size.columns();
        int h = size.rows();
        Rect status = new Rect(0, h - 1, w, 1);
        if (w < MIN_WIDTH || h < MIN_HEIGHT) {
            return new Layout(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), status);
        }
        int bodyH = h - 1;
        if (w < 60 && s.focus() == Pane.CLUSTERS) {
            return new Layout(false, Optional.of(new Rect(0, 0, w, bodyH)), Optional.empty(), Optional.empty(),
                    Optional.empty(), status);
        }
        Optional<Rect> clusters = Optional.empty();
        int left = 0;
        if (w >= 60) {
            // from 110 columns the picker is wide enough for the reservation columns
            int pw = Math.max(w >= 110 ? 32 : 22, Math.min(36, w / 6));
            clusters = Optional.of(new Rect(0, 0, pw, bodyH));
            left = pw;
        }
        int rw = w - left;
        Optional<Rect> detail = Optional.empty();
        int panelsH = bodyH;
        if (s.detailOpen()) {
            int dh = Math.max(5, Math.min(Math.min(bodyH * 2 / 5, 40), bodyH - 8));
            panelsH = bodyH - dh;
            detail = Optional.of(new Rect(left, panelsH, rw, dh));
        }
        Rect cpu;
        Rect mem;
        if (s.panels() == View.RIGHTSIZE) {
            // the right-sizing table takes the place of both bar panels
            return new Layout(false, clusters, Optional.of(new Rect(left, 0, rw, panelsH)), Optional.empty(), detail, status);
        }
        if (rw >= 100) {
            int half = rw / 2;
            cpu = new Rect(left, 0, half, panelsH);
            mem = new Rect(left + half, 0, rw - half, panelsH);
        } else {
            int top = panelsH / 2 + panelsH % 2;
            cpu = new Rect(left, 0, rw, top);
            mem = new Rect(left, top, rw, panelsH - top);
        }
        return new Layout(false, clusters, Optional.of(cpu), Optional.of(mem), detail, status);
    }

    public Optional<Rect> panel(Metric m) {
        return m == Metric.CPU ? cpu : memory;
    }

    /** Rows a page key moves in {@code pane}: its inner height (less the detail's two heading lines). */
    public int pageRows(Pane pane) {
        Optional<Integer> rows = switch (pane) {
            case CLUSTERS -> clusters.map(x -> x.height() - 2);
            case CPU -> cpu.map(x -> x.height() - 2);
            case MEMORY -> memory.map(x -> x.height() - 2);
            case DETAIL -> detail.map(x -> x.height() - 4);
        };
        return rows.map(n -> Math.max(1, n)).orElse(1);
    }
}
