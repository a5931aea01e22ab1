package ecstop.ui.view;

import java.util.List;

/** Shares a row's width among a column model's columns: 0 for a column that is not shown. */
final class Widths {
    private Widths() {}

    static <R> int[] allocate(List<Column<R>> columns, int width) {
        int n = columns.size();
        int[] w = new int[n];
        int rest = width;
        for (int i = 0; i < n; i++) {
            Column<R> col = columns.get(i);
            if (col.width() instanceof Width.Share) {
                continue;
            }
            if (col.width() instanceof Width.Fixed f) {
                w[i] = f.columns();
            } else if (col.width() instanceof Width.Content ct) {
                w[i] = Math.min(Math.max(ct.min(), ct.wanted()), Math.max(ct.min(), width * ct.num() / ct.den()));
            }
            rest -= w[i] + col.gap();
        }
        for (int i = 0; i < n; i++) {
            if (columns.get(i).width() instanceof Width.Share s && rest >= s.minRoom()) {
                w[i] = Math.min(s.max(), rest / s.divisor());
                rest -= w[i] + columns.get(i).gap();
            }
        }
        for (int i = 0; i < n; i++) {
            if (columns.get(i).width() instanceof Width.Fill f) {
                int fill = rest;
                // too little left: the content columns give way first, down to one column each
                for (int j = 0; j < n && fill < f.min(); j++) {
                    if (columns.get(j).width() instanceof Width.Content) {
                        int give = Math.min(f.min() - fill, w[j] - 1);
                        if (give > 0) {
                            w[j] -= give;
                            fill += give;
                        }
                    }
                }
                w[i] = Math.max(0, fill);
                rest = 0;
            }
        }
        return w;
    }
}
