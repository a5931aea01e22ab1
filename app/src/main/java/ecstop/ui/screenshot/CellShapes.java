package ecstop.ui.screenshot;

import java.util.List;

/**
 * Block elements and box-drawing lines as rectangles inside a cell. Screenshots draw them
 * as shapes rather than glyphs, so bars and frames join up whatever font the viewer has.
 */
final class CellShapes {
    /** A rectangle relative to the cell's top left corner, in the caller's units. */
    record Part(double x, double y, double w, double h) {}

    private CellShapes() {}

    static boolean isShape(char ch) {
        return (ch >= '\u2581' && ch <= '\u258F') || "─│┌┐└┘".indexOf(ch) >= 0;
    }

    /**
     * The parts that draw {@code ch} in a {@code w}×{@code h} cell: lines {@code line} thick
     * through the middle, blocks between {@code gap} from the top and {@code gap} from the
     * bottom. Empty when {@code ch} is not a shape.
     */
    static List<Part> of(char ch, double w, double h, double line, double gap) {
        double midX = w / 2;
        double midY = h / 2;
        double t = line / 2;
        if (ch >= '\u2588' && ch <= '\u258F') {
            // █ ▉ ▊ ▋ ▌ ▍ ▎ ▏: left-aligned eighths
            return List.of(new Part(0, gap, w * (8 - (ch - '\u2588')) / 8.0, h - 2 * gap));
        }
        if (ch >= '\u2581' && ch <= '\u2587') {
            // ▁ ▂ ▃ ▄ ▅ ▆ ▇: bottom-aligned eighths
            double filled = (h - 2 * gap) * (ch - '\u2580') / 8.0;
            return List.of(new Part(0, h - gap - filled, w, filled));
        }
        switch (ch) {
            case '─':
                return List.of(new Part(0, midY - t, w, line));
            case '│':
                return List.of(new Part(midX - t, 0, line, h));
            case '┌':
            case '┐':
            case '└':
            case '┘':
                boolean right = ch == '┌' || ch == '└';
                boolean down = ch == '┌' || ch == '┐';
                return List.of(
                        new Part(right ? midX - t : 0, midY - t, right ? w - midX + t : midX + t, line),
                        new Part(midX - t, down ? midY - t : 0, line, down ? h - midY + t : midY + t));
            default:
                return List.of();
        }
    }
}
