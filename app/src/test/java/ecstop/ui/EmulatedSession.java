package ecstop.ui;

import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.emulator.Emulator;
import ecstop.emulator.Faults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The real stack against an emulator: Headless (the real Controller, Poller and panes on a
 * virtual terminal, time stepped by hand) reading through a real AwsFleetReader, SDK and
 * HTTP. The screen's clock starts at the wall clock's second, so the emulator (on the wall
 * clock) has data for the windows asked; ages on screen follow the stepped clock only.
 */
final class EmulatedSession implements AutoCloseable {
    static final TerminalSize SIZE = new TerminalSize(120, 40);

    final Emulator emulator;
    final AwsFleetReader reader;
    final Headless ui;
    private final boolean ownsEmulator;

    EmulatedSession(Emulator emulator, String cluster) {
        this(emulator, cluster, false);
    }

    /** A session on its own emulator serving {@code fleet}, closed with the session. */
    static EmulatedSession on(ecstop.emulator.Fleet fleet, String cluster) {
        return new EmulatedSession(Emulator.start(ecstop.emulator.EmulatorConfig.builder().fleet(fleet).build()), cluster, true);
    }

    private EmulatedSession(Emulator emulator, String cluster, boolean ownsEmulator) {
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        this.reader = AwsFleetReader.forEndpoint(emulator.endpoint());
        UiOptions options = UiOptions.defaults()
                .withClock(Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC))
                .withCluster(cluster)
                .withHeader("emulator");
        this.ui = Headless.open(reader, options, SIZE).settle();
    }

    Instant now() {
        return ui.clock().instant();
    }

    /** How long until the refresh the poller has armed, by the screen's clock. */
    Duration untilNextRefresh() {
        return Duration.between(now(), ui.poller().nextRefresh().orElseThrow());
    }

    /** Moves time to the refresh the poller has armed and runs it; returns how long that wait was. */
    Duration nextRefresh() {
        Duration wait = untilNextRefresh();
        ui.advance(wait);
        return wait;
    }

    /** The status bar: the screen's last line. */
    String statusLine() {
        List<String> lines = ui.text().lines().toList();
        return lines.get(lines.size() - 1);
    }

    Optional<String> selected() {
        return ui.selectedService().map(ecstop.domain.ServiceRef::name);
    }

    void clearFaults() {
        emulator.faults(Faults.NONE);
        emulator.latency(Duration.ZERO);
        emulator.throttleNext(0);
    }

    @Override
    public void close() {
        ui.poller().close();
        reader.close();
        if (ownsEmulator) {
            emulator.close();
        }
    }
}
