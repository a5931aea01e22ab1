package ecstop.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import ecstop.domain.Failure;
import ecstop.domain.Metric;
import ecstop.domain.Thresholds;
import ecstop.testfleet.FakeFleet;
import ecstop.config.ColourMode;
import ecstop.ui.Golden;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.Rect;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.ScreenText;
import ecstop.ui.state.State;
import ecstop.ui.terminal.UiOptions;
import ecstop.ui.widget.Glyphs;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each pane alone, drawn from a State reached through real keys, against golden files. These
 * stay on the test double (FakeFleet) on purpose: its figures are hand-made to sit on the
 * edges that matter (98.2% past the red threshold, 85.5% amber, a service with no
 * datapoints, a failed refresh over kept data), which a simulated fleet gives only by
 * chance. The whole window on the demo fleet through the real reader is ScreenGoldenTest.
 */
class PaneGoldenTest {
    private static final UiOptions OPTIONS = UiOptions.defaults().withClock(FakeFleet.CLOCK).withHeader("prod · eu-west-1");
    private static final RenderContext CONTEXT = new RenderContext(Palette.of(ColourMode.C16), Glyphs.UNICODE,
            Thresholds.DEFAULT, ZoneOffset.UTC, "prod · eu-west-1", FakeFleet.NOW.plusSeconds(12));
    private static final Presenter PRESENTER = new Presenter(Glyphs.UNICODE);

    private static String render(int cols, int rows, Consumer<TextGraphics> draw) {
        try {
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            TerminalScreen screen = new TerminalScreen(vt);
            screen.startScreen();
            draw.accept(screen.newTextGraphics());
            screen.refresh();
            return ScreenText.of(vt);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static State storageProd() {
        return Headless.open(new FakeFleet(), OPTIONS.withCluster("storage-prod"), new TerminalSize(80, 24)).settle().state();
    }

    @Test
    void clusterPicker() {
        State s = storageProd();
        Golden.assertMatches("pane-clusters-24x6", render(24, 6, g -> new ClusterPane().draw(g, new Rect(0, 0, 24, 6), PRESENTER.clusters(s), CONTEXT)));
        Golden.assertMatches("pane-clusters-40x6", render(40, 6, g -> new ClusterPane().draw(g, new Rect(0, 0, 40, 6), PRESENTER.clusters(s), CONTEXT)));
    }

    @Test
    void cpuAndMemoryPanels() {
        State s = storageProd();
        String cpu = render(70, 7, g -> new UsagePane().draw(g, new Rect(0, 0, 70, 7), PRESENTER.usage(s, Metric.CPU), CONTEXT));
        assertThat(cpu).contains("CPU · storage-prod_ · peak 24h");
        Golden.assertMatches("pane-cpu-70x7", cpu);
        Golden.assertMatches("pane-memory-70x7",
                render(70, 7, g -> new UsagePane().draw(g, new Rect(0, 0, 70, 7), PRESENTER.usage(s, Metric.MEMORY), CONTEXT)));
        Golden.assertMatches("pane-cpu-40x7",
                render(40, 7, g -> new UsagePane().draw(g, new Rect(0, 0, 40, 7), PRESENTER.usage(s, Metric.CPU), CONTEXT)));
    }

    @Test
    void detailPaneWithBothStatistics() {
        State s = Headless.open(new FakeFleet(), OPTIONS.withCluster("storage-prod"), new TerminalSize(80, 24)).settle()
                .press(KeyType.Enter).state();
        String text = render(110, 10, g -> new DetailPane().draw(g, new Rect(0, 0, 110, 10), PRESENTER.detail(s, ZoneOffset.UTC, 10), CONTEXT));
        assertThat(text).contains("CPU max  CPU avg  Mem max  Mem avg").doesNotContain("…");
        Golden.assertMatches("pane-detail-110x10", text);
    }

    @Test
    void statusBar() {
        Headless h = Headless.open(new FakeFleet(), OPTIONS.withCluster("storage-prod"), new TerminalSize(80, 24)).settle();
        State s = h.state();
        Golden.assertMatches("pane-status-140", render(140, 1, g -> new StatusBar().draw(g, new Rect(0, 0, 140, 1), PRESENTER.status(s, CONTEXT.now(), CONTEXT.header()), CONTEXT)));
        Golden.assertMatches("pane-status-60", render(60, 1, g -> new StatusBar().draw(g, new Rect(0, 0, 60, 1), PRESENTER.status(s, CONTEXT.now(), CONTEXT.header()), CONTEXT)));
        State failed = s.withFailure(new Failure(Failure.Kind.NETWORK, "GetMetricData", "connection refused"),
                FakeFleet.NOW.plusSeconds(5), FakeFleet.NOW.plusSeconds(65));
        String stale = render(140, 1, g -> new StatusBar().draw(g, new Rect(0, 0, 140, 1),
                PRESENTER.status(failed, FakeFleet.NOW.plus(Duration.ofMinutes(3)), CONTEXT.header()), CONTEXT));
        assertThat(stale).contains("STALE 3m").contains("cannot reach AWS for GetMetricData");
        Golden.assertMatches("pane-status-140-stale", stale);
    }

    @Test
    void helpOverlay() {
        Golden.assertMatches("pane-help-80x24",
                render(80, 24, g -> new HelpOverlay(PaneRegistry.standard(PRESENTER, ZoneOffset.UTC).keymap(false)).draw(g, 80, 24, CONTEXT)));
    }
}
