package ecstop.ui.screenshot;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.domain.FleetReader;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The README's screenshots: the application on a virtual terminal, driven by keys like a
 * user would, each scene written as NAME.svg and NAME.png. The scenes assume the demo fleet
 * (its storage-prod and catalogue clusters); the caller fixes the clock and the colours.
 */
public final class Screenshots {
    /** One picture: a cluster (of a region) opened at a terminal size, then keys pressed. */
    record Scene(String name, String region, String cluster, TerminalSize size, UnaryOperator<Headless> keys) {
        Scene(String name, String cluster, TerminalSize size, UnaryOperator<Headless> keys) {
            this(name, "us-east-1", cluster, size, keys);
        }
    }

    static final List<Scene> SCENES = List.of(
            new Scene("main", "storage-prod", new TerminalSize(120, 40), h -> h),
            // the CPU list is sorted by peak, so Enter opens the hottest service
            new Scene("detail", "storage-prod", new TerminalSize(120, 40), h -> h.press(KeyType.Enter)),
            new Scene("help", "storage-prod", new TerminalSize(120, 40), h -> h.type("?")),
            new Scene("narrow", "storage-prod", new TerminalSize(60, 30), h -> h),
            new Scene("catalogue", "catalogue", new TerminalSize(200, 50), h -> h),
            // no cluster named: the fleet, every cluster's busiest services
            new Scene("fleet", null, new TerminalSize(160, 40), h -> h),
            new Scene("rightsize", "storage-prod", new TerminalSize(160, 40), h -> h.type("z")),
            // the enhanced cluster's receipts: its log router at its hard limit while the app sits near 40%
            new Scene("tasks", "eu-west-1", "checkout-eu", new TerminalSize(120, 40),
                    h -> h.type("/receipts").press(KeyType.Enter).type("t")),
            // which container is starving, before knowing which service to open
            new Scene("containers", "eu-west-1", "checkout-eu", new TerminalSize(120, 40), h -> h.type("T")));

    private Screenshots() {}

    /**
     * Renders every scene into {@code dir} (created if missing); returns the files written.
     * Each scene is its own session with a reader of its region from {@code sessions} (closed
     * after it when it is AutoCloseable), so each status bar counts that session's calls only.
     */
    public static List<Path> write(Function<String, ? extends FleetReader> sessions, UiOptions options, Path dir)
            throws Exception {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Scene s : SCENES) {
            FleetReader reader = sessions.apply(s.region());
            Headless h;
            try {
                UiOptions scene = options.withCluster(s.cluster())
                        .withHeader(options.header().isEmpty() ? s.region() : options.header() + " · " + s.region());
                h = s.keys().apply(Headless.open(reader, scene, s.size()).settle());
            } finally {
                if (reader instanceof AutoCloseable c) {
                    c.close();
                }
            }
            Path svg = dir.resolve(s.name() + ".svg");
            Files.writeString(svg, ScreenshotRenderer.svg(h.terminal()), StandardCharsets.UTF_8);
            Path png = dir.resolve(s.name() + ".png");
            Files.write(png, ScreenshotImage.png(h.terminal()));
            written.add(svg);
            written.add(png);
        }
        return written;
    }
}
