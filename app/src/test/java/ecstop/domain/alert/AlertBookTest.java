package ecstop.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ServiceRef;
import ecstop.domain.alert.Reading.Condition;
import ecstop.testfleet.Refs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which (service, trigger) pairs fire, step by step: once per crossing, never for what was burning at the start. */
class AlertBookTest {
    private static final ServiceRef API = Refs.service("prod", "api");
    private static final ServiceRef WORKER = Refs.service("prod", "worker");
    /** An invented trigger, as the signals work would add one: the book must not care which. */
    private static final Trigger OOM = new Trigger("oom", "OOM kill");

    private AlertBook book = AlertBook.EMPTY;

    private List<Alert> read(Reading... readings) {
        AlertBook.Update u = book.read(List.of(readings));
        book = u.book();
        return u.fired();
    }

    private static Reading cpu(ServiceRef s, Condition c) {
        return new Reading(s, Trigger.CPU_HOT, c, c.name());
    }

    @Test
    void aCrossingNotifiesOnceHowLongItLasts() {
        assertThat(read(cpu(API, Condition.CLEAR))).isEmpty();
        assertThat(read(cpu(API, Condition.FIRING))).extracting(Alert::service).containsExactly(API);
        assertThat(read(cpu(API, Condition.FIRING))).isEmpty();
        assertThat(read(cpu(API, Condition.FIRING))).isEmpty();
    }

    @Test
    void hoveringInTheBandDoesNotFlapOnlyAClearReading() {
        read(cpu(API, Condition.CLEAR));
        List<Alert> all = new ArrayList<>();
        for (Condition c : List.of(Condition.FIRING, Condition.HOLDING, Condition.FIRING, Condition.HOLDING, Condition.FIRING)) {
            all.addAll(read(cpu(API, c)));
        }
        assertThat(all).hasSize(1);
        assertThat(read(cpu(API, Condition.CLEAR))).isEmpty();
        assertThat(read(cpu(API, Condition.FIRING))).as("re-armed by the clear reading").hasSize(1);
    }

    @Test
    void whatIsAlreadyBurningAtTheStartIsOnlyNoted() {
        assertThat(read(cpu(API, Condition.FIRING))).isEmpty();
        assertThat(read(cpu(API, Condition.FIRING))).isEmpty();
        assertThat(read(cpu(API, Condition.CLEAR), cpu(WORKER, Condition.HOLDING))).isEmpty();
        assertThat(read(cpu(API, Condition.FIRING), cpu(WORKER, Condition.FIRING)))
                .extracting(Alert::service).containsExactly(API, WORKER);
    }

    @Test
    void noReadingKeepsTheStateAndTriggersAreCountedApart() {
        read(cpu(API, Condition.CLEAR), new Reading(API, OOM, Condition.CLEAR, ""));
        assertThat(read()).isEmpty();
        assertThat(read(new Reading(API, OOM, Condition.FIRING, "exit 137")))
                .singleElement().satisfies(a -> {
                    assertThat(a.trigger()).isEqualTo(OOM);
                    assertThat(a.line()).isEqualTo("api OOM kill exit 137");
                });
        assertThat(read(cpu(API, Condition.FIRING))).as("CPU was still armed").hasSize(1);
    }
}
