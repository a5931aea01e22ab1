package ecstop.emulator;

import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.List;

/** One small fleet and a fixed "now" for the CloudWatch protocol tests. */
final class CloudWatchFixture {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final Instant END = Instant.parse("2026-11-21T13:00:00Z");
    static final Instant START = Instant.parse("2026-11-20T13:00:00Z");

    private CloudWatchFixture() {}

    static EmulatorExtension emulator() {
        Fleet fleet = Fleet.builder(3)
                .cluster("shop", 2, List.of(
                        SimService.running("web", SimService.EC2, 3),
                        SimService.running("cron", SimService.EC2, 1).idle(0, 0)))
                .build();
        return EmulatorExtension.serving(fleet).at(NOW);
    }
}
