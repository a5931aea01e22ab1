package ecstop.ui;

import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo fleet ({@code Fleet.demo(42)}, what {@code ecs-top --demo} shows) on the emulator,
 * with the emulator's clock and the UI's fixed at the same instant, read over HTTP by a real
 * AwsFleetReader: the production path, deterministic enough for golden screens. Each
 * {@link #open} gets its own reader, so the status bar counts that session's calls only.
 */
final class DemoFleetFixture implements AutoCloseable {
    /** Mid-hour, so the current hour already has minutes of data. */
    static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final UiOptions OPTIONS = UiOptions.defaults().withClock(CLOCK).withHeader("demo · us-east-1");

    private final Emulator emulator;
    private final List<AwsFleetReader> readers = new ArrayList<>();

    private DemoFleetFixture(Emulator emulator) {
        this.emulator = emulator;
    }

    static DemoFleetFixture start() {
        return new DemoFleetFixture(Emulator.start(EmulatorConfig.builder()
                .fleet(Fleet.demo(EmulatorConfig.DEFAULT_SEED))
                .clock(CLOCK)
                .build()));
    }

    Emulator emulator() {
        return emulator;
    }

    /** A fresh session on {@code cluster} (null: none chosen yet), first frame drawn, nothing fetched yet. */
    Headless open(String cluster, TerminalSize size) {
        return open(OPTIONS.withCluster(cluster), size);
    }

    Headless open(UiOptions options, TerminalSize size) {
        AwsFleetReader reader = AwsFleetReader.forEndpoint(emulator.endpoint(), CLOCK);
        readers.add(reader);
        return Headless.open(reader, options, size);
    }

    @Override
    public void close() {
        readers.forEach(AwsFleetReader::close);
        emulator.close();
    }
}
