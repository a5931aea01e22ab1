package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** One series: minutes roll up to their hour exactly, whichever path a window takes. */
class LoadModelTest {
    static final long HOUR = 494_000; // hours since the epoch, in 2026
    static final LoadModel BUSY = new LoadModel(99, LoadProfile.forService(true, 99, Set.of(LoadProfile.Trait.BURSTY)), 4);
    static final LoadModel SINGLE = new LoadModel(5, LoadProfile.forService(false, 5, Set.of()), 1);

    static Aggregate minutes(LoadModel m, long fromMinute, long toMinute) {
        Aggregate acc = null;
        for (long t = fromMinute; t < toMinute; t++) {
            acc = acc == null ? m.minute(t) : acc.plus(m.minute(t));
        }
        return acc;
    }

    @Test
    void sixtyMinutesRollUpToTheirHour() {
        for (long h = HOUR; h < HOUR + 48; h++) {
            Aggregate hour = BUSY.hour(h);
            Aggregate rolled = minutes(BUSY, h * 60, h * 60 + 60);

            assertThat(rolled.sampleCount()).isEqualTo(hour.sampleCount()).isEqualTo(240);
            assertThat(rolled.sum()).isCloseTo(hour.sum(), within(1e-6));
            assertThat(rolled.maximum()).isEqualTo(hour.maximum());
            assertThat(rolled.minimum()).isEqualTo(hour.minimum());
        }
    }

    @Test
    void aWindowOffTheHourAgreesWithItsMinutes() {
        long from = HOUR * 3600 + 17 * 60;
        long to = (HOUR + 5) * 3600 + 42 * 60;
        long now = (HOUR + 100) * 3600;

        Aggregate window = BUSY.aggregate(from, to, now, 0);
        Aggregate rolled = minutes(BUSY, from / 60, to / 60);

        assertThat(window.sampleCount()).isEqualTo(rolled.sampleCount());
        assertThat(window.sum()).isCloseTo(rolled.sum(), within(1e-6));
        assertThat(window.maximum()).isEqualTo(rolled.maximum());
        assertThat(window.minimum()).isEqualTo(rolled.minimum());
    }

    @Test
    void onlyCompleteMinutesBeforeNowAndInsideRetentionCount() {
        long start = HOUR * 3600;
        long now = start + 10 * 60 + 30; // 10 complete minutes, the 11th still filling

        assertThat(BUSY.aggregate(start, start + 3600, now, 0).sampleCount()).isEqualTo(10 * 4);
        assertThat(BUSY.aggregate(start, start + 3600, start + 7200, start + 30 * 60).sampleCount()).isEqualTo(30 * 4);
        assertThat(BUSY.aggregate(start + 3600, start + 7200, now, 0)).isNull();
    }

    @Test
    void withOneTaskTheBusiestTaskIsTheAverage() {
        for (long t = HOUR * 60; t < HOUR * 60 + 120; t++) {
            Aggregate m = SINGLE.minute(t);
            assertThat(m.maximum()).isEqualTo(m.average()).isEqualTo(m.minimum());
        }
    }

    @Test
    void theBusiestTaskIsAboveTheMeanWhenThereAreSeveral() {
        for (long t = HOUR * 60; t < HOUR * 60 + 120; t++) {
            Aggregate m = BUSY.minute(t);
            assertThat(m.maximum()).isGreaterThanOrEqualTo(m.average());
            assertThat(m.average()).isGreaterThanOrEqualTo(m.minimum());
            assertThat(m.minimum()).isGreaterThanOrEqualTo(0);
        }
    }
}
