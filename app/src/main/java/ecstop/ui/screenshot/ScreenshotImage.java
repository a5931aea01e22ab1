package ecstop.ui.screenshot;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A virtual terminal's cells as a PNG, drawn with Java2D on the same grid and in the same
 * colours as the SVG: a fixed cell size whatever the font, each glyph placed in its own
 * cell, block and box characters filled as shapes so bars and frames join without gaps.
 * DejaVu Sans Mono when installed, else the JDK's logical monospaced font.
 */
public final class ScreenshotImage {
    static final int CELL_W = 9;
    static final int CELL_H = 18;
    private static final float FONT_SIZE = 15f;
    private static final int LINE = 1;
    /** 1 px above and below: the eighths of a block are then whole pixels (16 / 8). */
    private static final int GAP = 1;
    private static final Font REGULAR = font();
    private static final Font BOLD = REGULAR.deriveFont(Font.BOLD);
    /** Java's logical font falls back through the system's fonts for characters the first one lacks. */
    private static final Font FALLBACK = new Font(Font.MONOSPACED, Font.PLAIN, (int) FONT_SIZE);

    private ScreenshotImage() {}

    public static byte[] png(VirtualTerminal vt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image(vt), "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage image(VirtualTerminal vt) {
        TerminalSize size = vt.getTerminalSize();
        int cols = size.getColumns();
        int rows = size.getRows();
        BufferedImage img = new BufferedImage(cols * CELL_W, rows * CELL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(CellColours.DEFAULT_BG));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int bg = CellColours.bg(vt.getCharacter(c, r));
                    if (bg != CellColours.DEFAULT_BG) {
                        g.setColor(new Color(bg));
                        g.fillRect(c * CELL_W, r * CELL_H, CELL_W, CELL_H);
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    TextCharacter ch = vt.getCharacter(c, r);
                    cell(g, ch, c * CELL_W, r * CELL_H);
                    if (ch.isDoubleWidth()) {
                        c++;
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void cell(Graphics2D g, TextCharacter ch, int x, int y) {
        String s = ch.getCharacterString();
        char first = s.charAt(0);
        if (first == ' ') {
            return;
        }
        g.setColor(new Color(CellColours.fg(ch)));
        if (CellShapes.isShape(first)) {
            // edges on whole pixels, no smoothing: neighbouring cells meet exactly
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (CellShapes.Part p : CellShapes.of(first, CELL_W, CELL_H, LINE, GAP)) {
                g.fill(new Rectangle2D.Double(x + p.x(), y + p.y(), p.w(), p.h()));
            }
            return;
        }
        Font f = ch.isBold() ? BOLD : REGULAR;
        if (f.canDisplayUpTo(s) != -1) {
            f = FALLBACK.deriveFont(ch.isBold() ? Font.BOLD : Font.PLAIN);
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        int width = ch.isDoubleWidth() ? 2 * CELL_W : CELL_W;
        // centred in its cell, the baseline where the font's ascent and descent share the height evenly
        int gx = x + (width - m.stringWidth(s)) / 2;
        int baseline = y + (CELL_H - m.getAscent() - m.getDescent()) / 2 + m.getAscent();
        g.drawString(s, gx, baseline);
    }

    private static Font font() {
        Font dejaVu = new Font("DejaVu Sans Mono", Font.PLAIN, 1).deriveFont(FONT_SIZE);
        // an unknown name silently becomes Dialog
        return dejaVu.getFamily().equals("DejaVu Sans Mono") ? dejaVu : new Font(Font.MONOSPACED, Font.PLAIN, 1).deriveFont(FONT_SIZE);
    }
}
