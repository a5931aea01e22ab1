package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecstop.testing.EmulatorExtension;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@link EmulatorExtension} promises the test classes that start their emulator through
 * it, checked across two tests run in order: one emulator for the class on a static field and
 * a fresh one each test on an instance field; the calls, faults, latency and throttling one
 * test leaves are gone before the next, while configured faults stay; what a test starts or
 * hands over is closed after it, newest first, so a client goes before the emulator it talks to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {
    static final Fleet FLEET = Fleet.of(Map.of("shop", 2), 1);

    @RegisterExtension
    static final EmulatorExtension perClass = EmulatorExtension.serving(FLEET)
            .with(b -> b.faults(Faults.NONE.withDenied("DescribeClusters")));

    @RegisterExtension
    final EmulatorExtension perTest = EmulatorExtension.serving(FLEET);

    @RegisterExtension
    final EmulatorExtension onDemand = EmulatorExtension.onDemand();

    /** What the first test saw, and what its clean-up found, for the second to check. */
    static final List<Object> first = new ArrayList<>();
    static final List<String> cleanUp = new ArrayList<>();

    static int listClusters(URI endpoint) {
        return RawHttp.ecs(endpoint, "ListClusters", "{}").status();
    }

    /** 200, or "refused" when nothing listens there any more. */
    static String answer(URI endpoint) {
        try {
            return String.valueOf(listClusters(endpoint));
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof ConnectException ? "refused" : e.toString();
        }
    }

    @Test
    @Order(1)
    void aTestLeavesCallsFaultsAndThingsToClose() {
        first.add(perClass.emulator());
        first.add(perTest.emulator());
        assertThat(listClusters(perClass.endpoint())).isEqualTo(200);
        perClass.faults(Faults.NONE.withExpiredCredentials(true));
        perClass.latency(Duration.ofMillis(1));
        perClass.throttleNext(5);
        assertThat(listClusters(perClass.endpoint())).as("expired credentials").isEqualTo(403);
        assertThat(perClass.log().snapshot().delayed()).isEqualTo(1);

        AtomicReference<URI> endpoint = new AtomicReference<>();
        onDemand.closing(() -> cleanUp.add("older resource; the emulator then: " + answer(endpoint.get())));
        endpoint.set(onDemand.start(FLEET).endpoint());
        assertThat(listClusters(endpoint.get())).isEqualTo(200);
        onDemand.closing(() -> cleanUp.add("newer resource; the emulator then: " + answer(endpoint.get())));
    }

    @Test
    @Order(2)
    void theNextTestStartsCleanAndTheLastOnesThingsWereClosedNewestFirst() {
        assertThat(perClass.emulator()).as("one for the class").isSameAs(first.get(0));
        assertThat(perTest.emulator()).as("a fresh one for each test").isNotSameAs(first.get(1));
        assertThat(perClass.log().snapshot().totalCalls()).as("the log starts empty").isZero();
        assertThat(listClusters(perClass.endpoint())).as("no throttling, no expired credentials").isEqualTo(200);
        assertThat(perClass.emulator().latency()).isZero();
        assertThat(perClass.log().snapshot().delayed()).isZero();
        assertThat(RawHttp.ecs(perClass.endpoint(), "DescribeClusters", "{\"clusters\":[\"shop\"]}").status())
                .as("the configured fault stays").isEqualTo(400);

        assertThat(cleanUp).as("closed newest first, the emulator the test started among them").containsExactly(
                "newer resource; the emulator then: 200",
                "older resource; the emulator then: refused");
        assertThatThrownBy(onDemand::emulator).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    }
}
