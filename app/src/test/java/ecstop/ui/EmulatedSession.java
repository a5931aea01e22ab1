package ecstop.ui;

import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.emulator.Emulator;
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

    final AwsFleetReader reader;
    final Headless ui;

    EmulatedSession(Emulator emulator, String cluster) {
        this.reader = AwsFleetReader.forEndpoint(emulator.endpoint());
        UiOptions options = UiOptions.defaults()
                .withClock(Clock.fixed(ecstop.config.WallClock.utc().instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC))
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

    @Override
    public void close() {
        ui.poller().close();
        reader.close();
    }
}
