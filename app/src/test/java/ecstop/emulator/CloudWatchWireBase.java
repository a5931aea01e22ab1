package ecstop.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One emulator on {@link CloudWatchFixture}'s fleet per protocol test class, with the request
 * log and the faults cleared before each test.
 */
abstract class CloudWatchWireBase {
    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = CloudWatchFixture.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.log().reset();
        emulator.faults(Faults.NONE);
    }
}
