package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once: the worker pool stays at its bound and every call is counted once. */
class EmulatorLoadTest {
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("shop", 30), 1))
            .with(b -> b.latency(Duration.ofMillis(20)).threads(4));

    static long workers(Emulator emulator) {
        String prefix = "ecs-top-emulator-" + emulator.port() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    void concurrentCallsShareABoundedPoolAndAreAllCounted() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Callable<Integer> call = () -> RawHttp.ecs(emulator.endpoint(), "ListServices",
                        "{\"cluster\":\"shop\",\"maxResults\":100}").json().path("serviceArns").size();
                answers.add(clients.submit(call));
            }
            long peakThreads = 0;
            for (Future<Integer> a : answers) {
                peakThreads = Math.max(peakThreads, workers(emulator.emulator()));
                assertThat(a.get()).isEqualTo(30);
            }

            assertThat(peakThreads).isBetween(1L, 4L);
            assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(64);
            assertThat(emulator.log().snapshot().protocols()).containsEntry("awsJson1_1", 64L);
            assertThat(emulator.log().snapshot().delayed()).as("each held back by the latency").isEqualTo(64);
        } finally {
            clients.shutdownNow();
        }
    }
}
