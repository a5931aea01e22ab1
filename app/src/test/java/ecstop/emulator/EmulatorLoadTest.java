package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once: the worker pool stays at its bound and every call is counted once. */
class EmulatorLoadTest {
    static long workers(Emulator emulator) {
        String prefix = "ecs-top-emulator-" + emulator.port() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    void concurrentCallsShareABoundedPoolAndAreAllCounted() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder()
                .fleet(Fleet.of(Map.of("shop", 30), 1))
                .latency(Duration.ofMillis(20))
                .threads(4)
                .build())) {
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
                    peakThreads = Math.max(peakThreads, workers(emulator));
                    assertThat(a.get()).isEqualTo(30);
                }

                assertThat(peakThreads).isBetween(1L, 4L);
                assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(64);
                assertThat(emulator.log().snapshot().protocols()).containsEntry("awsJson1_1", 64L);
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
