package ecstop.ui.terminal;

import ecstop.domain.Scope;
import ecstop.ui.state.ScreenSize;
import ecstop.ui.state.State;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Lookback;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.testfleet.FakeFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark reads these two lines from the log: each must appear once, in order, with a figure. */
class StartupLogTest {
    private final Logger jul = Logger.getLogger(StartupLog.class.getName());
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            lines.add(r.getMessage()); // SLF4J formats before handing over
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    StartupLogTest() {
        jul.addHandler(capture);
        jul.setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        jul.removeHandler(capture);
    }

    @Test
    void firstFrameThenFirstDataEachLoggedOnce() {
        FakeFleet fleet = new FakeFleet();
        State loading = State.initial(Optional.of(Scope.of(FakeFleet.ref("storage-prod"))), Lookback.hours(24), Stat.MAX,
                new ScreenSize(80, 24));
        State loaded = loading.withSnapshot(fleet.snapshot(new SnapshotRequest(FakeFleet.ref("storage-prod"), Lookback.hours(24),
                Stat.MAX, FakeFleet.NOW, Optional.empty(), true)).get(), FakeFleet.NOW);
        StartupLog log = new StartupLog();

        log.drawn(loading);
        log.drawn(loading);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("first frame after \\d+ ms");

        log.drawn(loaded);
        log.drawn(loaded);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).matches("first data after \\d+ ms");
    }

    @Test
    void processAgeComesFromProcOnLinux() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return;
        }
        // this JVM has been up for a while; the kernel's count includes the JVM's own start
        long jvmUp = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        assertThat(StartupLog.procUptimeMillis()).isPresent();
        assertThat(StartupLog.procUptimeMillis().getAsLong()).isGreaterThanOrEqualTo(jvmUp - 20);
    }
}
