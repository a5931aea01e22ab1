package ecstop.ui.present;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.state.ScreenSize;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status line's meter: the session's calls and metrics, "at least" when the count is a lower bound. */
class MeterStatusTest {
    private final Presenter presenter = new Presenter(Glyphs.UNICODE);

    private String meter(CallStats session) {
        State s = State.initial(Optional.empty(), Lookback.hours(24), Stat.MAX, new ScreenSize(120, 40)).withSession(session);
        return presenter.status(s, FakeFleet.NOW, "").stream().map(StatusPart::text)
                .filter(t -> t.contains(" calls, ")).findFirst().orElseThrow();
    }

    @Test
    void anExactCountIsShownAsCounted() {
        assertThat(meter(new CallStats(Map.of("GetMetricData", 2), 10_000, 0))).isEqualTo("2 calls, 10000 metrics ~$0.1000");
    }

    @Test
    void aCountThatMayBeShortSaysAtLeast() {
        assertThat(meter(new CallStats(Map.of("GetMetricData", 2), 1_000, 0, 19_000)))
                .isEqualTo("2 calls, at least 1000 metrics ~$0.0100");
    }
}
