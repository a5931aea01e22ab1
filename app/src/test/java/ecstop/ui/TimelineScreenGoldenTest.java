package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.config.ColourMode;
import ecstop.domain.ServiceRef;
import ecstop.domain.timeline.MarkerKind;
import ecstop.emulator.Faults;
import ecstop.emulator.RequestLog;
import ecstop.ui.state.Detail;
import ecstop.ui.state.Pane;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.ScreenText;
import ecstop.ui.terminal.UiOptions;
import ecstop.ui.view.Palette;
import ecstop.testing.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The detail's timeline on the demo fleet (issue 20), as {@code ecs-top --demo} shows it with
 * the clock pinned: storage-prod_file-finder, whose release leaks and whose tasks are being
 * OOM-killed, has a deployment, its completion and OOM kills on its chart. Golden files as in
 * {@link ScreenGoldenTest}: the chart at 200x50, 120x40, 80x24 and with --ascii, and a chosen marker.
 */
class TimelineScreenGoldenTest {
    static final String SERVICE = "storage-prod_file-finder";
    static final TerminalSize MEDIUM = new TerminalSize(120, 40);

    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);

    /** storage-prod at {@code size}, the cursor on {@link #SERVICE} in the CPU bars, its detail open. */
    static Headless detail(DemoFleetFixture demo, UiOptions options, TerminalSize size) {
        Headless h = demo.open(options.withCluster("storage-prod"), size).settle();
        for (int i = 0; i < 20 && !h.selectedService().map(ServiceRef::name).orElse("").equals(SERVICE); i++) {
            h.type("j");
        }
        assertThat(h.selectedService().map(ServiceRef::name)).contains(SERVICE);
        return h.press(KeyType.Enter);
    }

    private static Headless detail(TerminalSize size) {
        return detail(demo, DemoFleetFixture.OPTIONS, size);
    }

    /** Tab until the detail has the focus: the marker keys are its. */
    private static Headless focusDetail(Headless h) {
        for (int i = 0; i < 5 && !h.state().nav().focus().equals(Pane.DETAIL); i++) {
            h.press(KeyType.Tab);
        }
        assertThat(h.state().nav().focus()).isEqualTo(Pane.DETAIL);
        return h;
    }

    /** The time axes' cells (rows with the chart's corner) drawn on {@code background}. */
    private static List<TextCharacter> axisCellsOn(Headless h, com.googlecode.lanterna.TextColor background) {
        String[] lines = ScreenText.of(h.terminal()).split("\n", -1);
        List<TextCharacter> out = new ArrayList<>();
        for (int r = 0; r < lines.length; r++) {
            if (lines[r].contains("└──")) {
                for (int c = 0; c < lines[r].length(); c++) {
                    TextCharacter cell = h.terminal().getCharacter(c, r);
                    if (cell.getBackgroundColor().equals(background) || background == null && cell.getModifiers().contains(SGR.REVERSE)) {
                        out.add(cell);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theChartAt200x50() {
        Headless h = detail(ScreenGoldenTest.LARGE);
        String text = h.text();
        // the answer line, both charts' axes and legends, and the periods below them
        assertThat(text).contains("│ memory below 80% now; last ≥ 80% ").contains("100%┤").contains("⣿ CPU max  ⣿ CPU avg")
                .contains("⣿ Mem max  ⣿ Mem avg").contains("⟳ deploy").contains("↯ OOM kill")
                .contains("CPU max  CPU avg  Mem max  Mem avg");
        Golden.assertMatches("window-200x50-timeline", text);
    }

    /** The OOM signal's lines leave seven: the chart with its legend, and no room for the periods too. */
    @Test
    void theChartAt120x40() {
        Headless h = detail(MEDIUM);
        assertThat(h.text()).contains("100%┤").contains("⣿ CPU max  ⣿ CPU avg  ⟳ deploy").doesNotContain("CPU max  CPU avg  Mem max  Mem avg");
        Golden.assertMatches("window-120x40-timeline", h.text());
    }

    /** Four lines for the chart and the periods together: the chart alone, without its y labels or legend. */
    @Test
    void theChartAt80x24TakesThePeriodsPlace() {
        Headless h = detail(ScreenGoldenTest.SMALL);
        assertThat(h.text()).contains("└──").doesNotContain("CPU max  CPU avg  Mem max  Mem avg");
        Golden.assertMatches("window-80x24-timeline", h.text());
    }

    @Test
    void asciiDrawsTheChartWithoutBrailleOrArrows() {
        Headless h = detail(demo, DemoFleetFixture.OPTIONS.withAscii(true).withHeader("demo - us-east-1"), MEDIUM);
        assertThat(h.text().chars().filter(c -> c >= 128).mapToObj(c -> String.valueOf((char) c))).isEmpty();
        assertThat(h.text()).contains("memory below 80% now; last >= 80% ").contains("100%+").contains(" D deploy");
        Golden.assertMatches("window-120x40-timeline-ascii", h.text());
    }

    @Test
    void beforeTheTimelineArrivesOneDimLine() {
        Headless h = demo.open("storage-prod", ScreenGoldenTest.LARGE).settle();
        h.send(new KeyStroke(KeyType.Enter));
        assertThat(h.text()).contains("│ reading the timeline…").doesNotContain("100%┤");
        h.settle();
        assertThat(h.text()).doesNotContain("reading the timeline").contains("100%┤");
    }

    @Test
    void leftAndRightStepThroughTheMarkersWhileTheDetailHasTheFocus() {
        Headless h = detail(ScreenGoldenTest.LARGE);
        h.press(KeyType.ArrowLeft);
        assertThat(h.state().nav().detail().flatMap(Detail::marker)).as("the bars have the focus").isEmpty();

        focusDetail(h).press(KeyType.ArrowLeft);
        var newest = h.state().nav().detail().flatMap(Detail::marker).orElseThrow();
        assertThat(newest.kind()).isEqualTo(MarkerKind.OOM_KILL);
        String text = h.text();
        // the line above the charts names it, each chart's legend too, and it stands out on both time axes
        assertThat(text).containsPattern("│ marker (\\d+)/\\1 · 12:\\d\\d ↯ an OOM kill of task [0-9a-f]{8} \\(exit 137\\)")
                .doesNotContain("memory below 80% now");
        Palette p = Palette.of(ColourMode.C16);
        assertThat(axisCellsOn(h, p.selectionBg())).hasSize(2).allSatisfy(c -> {
            assertThat(c.getCharacterString()).isEqualTo("↯");
            assertThat(c.getForegroundColor()).isEqualTo(p.selectionFg());
        });
        Golden.assertMatches("window-200x50-timeline-marker", text);

        // back past the deployment, then → past the newest: the answer line again
        for (int i = 0; i < 40 && h.state().nav().detail().flatMap(Detail::marker).map(m -> m.kind().change()).orElse(false) == false; i++) {
            h.press(KeyType.ArrowLeft);
        }
        var change = h.state().nav().detail().flatMap(Detail::marker).orElseThrow();
        assertThat(change.kind().change()).isTrue();
        assertThat(h.text()).contains(change.text());
        for (int i = 0; i < 60 && h.state().nav().detail().flatMap(Detail::marker).isPresent(); i++) {
            h.press(KeyType.ArrowRight);
        }
        assertThat(h.state().nav().detail().flatMap(Detail::marker)).isEmpty();
        assertThat(h.text()).contains("│ memory below 80% now");
        assertThat(h.press(KeyType.ArrowRight).state().nav().detail().flatMap(Detail::marker)).as("→ does not wrap").isEmpty();
    }

    @Test
    void withoutColourTheChosenMarkerIsInReverseVideo() {
        Headless h = focusDetail(detail(demo, DemoFleetFixture.OPTIONS.withColour(ColourMode.NONE), ScreenGoldenTest.LARGE));
        h.press(KeyType.ArrowLeft);
        assertThat(axisCellsOn(h, null)).hasSize(2).allSatisfy(c -> assertThat(c.getCharacterString()).isEqualTo("↯"));
    }

    @Test
    void theChartIsInItsInks() {
        Headless h = detail(ScreenGoldenTest.LARGE);
        Palette p = Palette.of(ColourMode.C16);
        assertThat(Cells.at(h.terminal(), "└──", "⟳").getForegroundColor()).isEqualTo(p.accent());
        assertThat(Cells.at(h.terminal(), "└──", "↯").getForegroundColor()).isEqualTo(p.hot());
        assertThat(Cells.at(h.terminal(), "└──", "┬").getForegroundColor()).isEqualTo(p.dim());
        assertThat(Cells.at(h.terminal(), "⣿ CPU max", "⣿").getForegroundColor()).as("the maximum's line").isEqualTo(p.accent());
    }

    @Test
    void wOverlaysTheSameWindowAWeekAgoForOneMoreReadOfFourMetrics() {
        Headless h = detail(ScreenGoldenTest.LARGE);
        RequestLog.Counts opened = emulator.log().snapshot();
        h.type("r");
        RequestLog.Counts refreshed = emulator.log().snapshot();
        h.type("w");
        RequestLog.Counts overlaid = emulator.log().snapshot();
        assertThat(h.state().nav().detail().map(Detail::weekAgo)).contains(true);
        assertThat(h.text()).contains("⣿ max a week ago");
        // a refresh of the bars comes with it, as with r; beyond that one GetMetricData of 4 metrics, and the
        // timeline (read less than a minute ago) is not read again
        long barsCalls = refreshed.calls("GetMetricData") - opened.calls("GetMetricData");
        long barsMetrics = refreshed.metricsRequested() - opened.metricsRequested();
        assertThat(overlaid.calls("GetMetricData") - refreshed.calls("GetMetricData")).isEqualTo(barsCalls + 1);
        assertThat(overlaid.metricsRequested() - refreshed.metricsRequested()).isEqualTo(barsMetrics + 4);
        assertThat(overlaid.calls("DescribeScalingActivities")).isEqualTo(opened.calls("DescribeScalingActivities"));
        Palette p = Palette.of(ColourMode.C16);
        assertThat(Cells.at(h.terminal(), "max a week ago", "⣿ max a week ago").getForegroundColor()).isEqualTo(p.dim());
        Golden.assertMatches("window-200x50-timeline-week-ago", h.text());

        // off: the overlay goes, and nothing is read for it
        h.type("w");
        assertThat(h.text()).doesNotContain("a week ago");
        assertThat(emulator.log().snapshot().totalCalls()).isEqualTo(overlaid.totalCalls());
    }

    /** A timeline read that fails says why on its one line; the bars, read without it, stay fresh. */
    @Test
    void aTimelineThatCannotBeReadSaysWhyOnOneLine() {
        Headless h = detail(ScreenGoldenTest.LARGE);
        try {
            // the bars ask for task details every 5th refresh only, and this is not one: the timeline alone is denied
            demo.emulator().faults(Faults.NONE.withDenied("DescribeServices"));
            h.advance(java.time.Duration.ofSeconds(60));
        } finally {
            demo.emulator().faults(Faults.NONE);
        }
        String line = h.text().lines().filter(l -> l.contains("no timeline: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no failure line in\n" + h.text()));
        assertThat(line).contains("no timeline: access denied to ecs:DescribeServices");
        assertThat(h.state().stale()).as("the bars were read").isFalse();
        assertThat(h.text()).doesNotContain("100%┤");
        assertThat(Cells.at(h.terminal(), "no timeline: ", "no timeline: ").getForegroundColor())
                .isEqualTo(Palette.of(ColourMode.C16).warn());
        // the next minute's read brings the chart back
        h.advance(java.time.Duration.ofSeconds(60));
        assertThat(h.text()).doesNotContain("no timeline: ").contains("100%┤");
    }

    /** Scaling activities denied: the chart comes without them, and a line says which markers are missing and why. */
    @Test
    void aMarkerSourceThatCannotBeReadIsNamedUnderTheAnswerLine() {
        Headless h;
        try {
            demo.emulator().faults(Faults.NONE.withDenied("DescribeScalingActivities"));
            h = detail(ScreenGoldenTest.LARGE);
        } finally {
            demo.emulator().faults(Faults.NONE);
        }
        assertThat(h.text()).contains("│ memory below 80% now").contains("100%┤")
                .contains("│ no scaling activities on the timeline: access denied to application-autoscaling:DescribeScalingActivities");
        assertThat(Cells.at(h.terminal(), "no scaling activities", "no scaling").getForegroundColor())
                .isEqualTo(Palette.of(ColourMode.C16).warn());
    }
}
