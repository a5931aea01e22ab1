package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecstop.testing.EmulatorExtension;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Knobs switched on a running emulator, seen on the wire; time is driven by hand. */
class EmulatorKnobsTest {
    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final AtomicLong nanos = new AtomicLong();
    /** One a test: the buckets and the clock start from zero each time. */
    @RegisterExtension
    final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("shop", 25), 3))
            .with(b -> b.clock(clock).ticker(nanos::get).tokenBuckets(true));

    RawHttp.Response describe() {
        return RawHttp.ecs(emulator.endpoint(), "DescribeServices", "{\"cluster\":\"shop\",\"services\":[\"svc-0001\"]}");
    }

    @Test
    void aBurstPastTheServiceReadBucketIsThrottled() {
        for (int i = 0; i < 100; i++) {
            assertThat(describe().status()).isEqualTo(200);
        }
        RawHttp.Response throttled = describe();
        nanos.addAndGet(50_000_000L); // one token back at 20 per second
        RawHttp.Response again = describe();

        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.json().path("__type").asText()).isEqualTo("ThrottlingException");
        assertThat(again.status()).isEqualTo(200);
        assertThat(emulator.log().snapshot().throttled()).isEqualTo(1);
        assertThat(emulator.log().snapshot().calls("DescribeServices")).isEqualTo(102);
    }

    @Test
    void tokenBucketsCanBeSwitchedOffWhileRunning() {
        for (int i = 0; i < 100; i++) {
            describe();
        }
        emulator.tokenBuckets(false);

        assertThat(describe().status()).isEqualTo(200);
        assertThat(emulator.log().snapshot().throttled()).isZero();
    }

    @Test
    void throttleNextThrottlesExactlyThatManyCalls() {
        emulator.throttleNext(2);

        assertThat(describe().status()).isEqualTo(400);
        assertThat(describe().status()).isEqualTo(400);
        assertThat(describe().status()).isEqualTo(200);
    }

    @Test
    void anOutageWindowRefusesConnectionsOnlyWhileTheClockIsInIt() {
        emulator.faults(Faults.NONE.withOutage(Faults.Outage.refused(T0.plusSeconds(10), T0.plusSeconds(20))));
        assertThat(describe().status()).isEqualTo(200);

        clock.set(T0.plusSeconds(10));
        emulator.emulator().applyOutage();
        assertThatThrownBy(this::describe).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);

        clock.set(T0.plusSeconds(20));
        emulator.emulator().applyOutage();
        assertThat(describe().status()).isEqualTo(200);
        assertThat(emulator.endpoint().getPort()).isEqualTo(emulator.emulator().port());
    }

    @Test
    void anUnavailableWindowAnswers503ThenRecovers() {
        emulator.faults(Faults.NONE.withOutage(Faults.Outage.unavailable(T0, T0.plus(Duration.ofMinutes(1)))));
        RawHttp.Response during = describe();
        clock.advance(Duration.ofMinutes(1));
        RawHttp.Response after = describe();

        assertThat(during.status()).isEqualTo(503);
        assertThat(during.json().path("__type").asText()).isEqualTo("ServiceUnavailableException");
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void faultRatesAreCheckedAndActionsAcceptIamSpelling() {
        assertThatThrownBy(() -> Faults.NONE.withThrottleRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Faults.NONE.withDropRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Faults.NONE.withDenied("cloudwatch:GetMetricData").denies("GetMetricData")).isTrue();
        assertThat(Faults.NONE.withDenied("ecs:ListServices").denies("GetMetricData")).isFalse();
    }

    @Test
    void aThrottleRateThrottlesAboutThatShareOfCalls() {
        emulator.tokenBuckets(false);
        emulator.faults(Faults.NONE.withThrottleRate(0.3));
        int throttled = 0;
        for (int i = 0; i < 200; i++) {
            if (describe().status() == 400) {
                throttled++;
            }
        }

        assertThat(throttled).isBetween(35, 85);
        assertThat(emulator.log().snapshot().throttled()).isEqualTo(throttled);
    }
}
