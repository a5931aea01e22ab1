package ecstop.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import ecstop.config.ColourMode;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.Thresholds;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.present.Rect;
import ecstop.ui.present.ServiceRow;
import ecstop.ui.terminal.ScreenText;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import ecstop.ui.widget.Glyphs;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The one list panel: a column model lays out the rows, scrolls to the cursor, and paints every cell of its box. */
class ListPanelTest {
    private static final RenderContext CONTEXT = new RenderContext(Palette.of(ColourMode.C16), Glyphs.UNICODE,
            Thresholds.DEFAULT, ZoneOffset.UTC, "", FakeFleet.NOW);

    private static ServiceRow row(String name, double value) {
        return new ServiceRow(new ServiceRef(FakeFleet.ref("c"), name), name, OptionalDouble.of(value), Series.EMPTY);
    }

    private static String render(int cols, int rows, ListPanel<ServiceRow> panel, ListPanel.Body<ServiceRow> body) {
        try {
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            TerminalScreen screen = new TerminalScreen(vt);
            screen.startScreen();
            panel.draw(screen.newTextGraphics(), new Rect(0, 0, cols, rows), new ListPanel.Chrome("T", "n", true), body, CONTEXT);
            screen.refresh();
            return ScreenText.of(vt);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void addingAColumnToAPanelIsOneEntryInItsColumnModel() {
        List<ServiceRow> rows = List.of(row("api", 42.0), row("worker", 97.5));
        List<Column<ServiceRow>> usage = UsagePane.columns(ecstop.domain.Metric.CPU, 6, CONTEXT);
        String before = render(60, 4, new ListPanel<>(), ListPanel.Rows.withCursor(usage, rows, 0));

        List<Column<ServiceRow>> withTasks = new ArrayList<>(usage);
        withTasks.add(2, Column.text("", new Width.Fixed(4), 1, r -> r.name().length() + "/9", Align.RIGHT,
                (r, mark) -> new Style(CONTEXT.palette().text(), false)));
        String after = render(60, 4, new ListPanel<>(), ListPanel.Rows.withCursor(withTasks, rows, 0));

        assertThat(before).contains("▶api      42.0%").doesNotContain("3/9");
        assertThat(after).contains("▶api     3/9   42.0%").contains(" worker  6/9   97.5%");
        // the figure moved right by the five columns the new one takes (four and its gap), the
        // bar gave them up, and the row still ends at the box's edge
        assertThat(line(after, "worker").indexOf("97.5%")).isEqualTo(line(before, "worker").indexOf("97.5%") + 5);
        assertThat(line(after, "worker")).hasSize(60).endsWith("│");
    }

    private static String line(String screen, String name) {
        return screen.lines().filter(l -> l.contains(name)).findFirst().orElseThrow();
    }

    @Test
    void theListScrollsOnlyAsFarAsTheCursorNeeds() {
        List<ServiceRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row("svc-" + (char) ('a' + i), i));
        }
        ListPanel<ServiceRow> panel = new ListPanel<>();
        List<Column<ServiceRow>> cols = UsagePane.columns(ecstop.domain.Metric.CPU, 6, CONTEXT);
        assertThat(render(40, 6, panel, ListPanel.Rows.withCursor(cols, rows, 5))).contains("▶svc-f").contains("svc-c")
                .doesNotContain("svc-b");
        // back up by one: the rows do not jump, the cursor moves within them
        assertThat(render(40, 6, panel, ListPanel.Rows.withCursor(cols, rows, 4))).contains("▶svc-e").contains("svc-c")
                .contains("svc-f");
    }

    @Test
    void anEmptyPanelSaysWhyAndBlanksTheRest() {
        String text = render(30, 5, new ListPanel<>(), new ListPanel.Message<>("loading…"));
        assertThat(text.lines().toList()).containsExactly("┌ T ─────────────────────────┐", "│ loading…                   │",
                "│                            │", "│                            │", "└──────────────────────── n ─┘");
    }
}
