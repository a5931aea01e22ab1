package ecstop.testing;

import ecstop.emulator.Accounts;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way tests start the embedded emulator. On a static {@code @RegisterExtension}
 * field it runs one emulator for the class; on an instance field, a fresh one for each test
 * (for tests that drive its clock, ticker or token buckets from zero). Before each test the
 * request log is emptied and the knobs (faults, latency, token buckets, throttling) are put
 * back as configured, so no test sees another's calls or faults.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("shop", 3), 5)).at(NOW);
 * }</pre>
 *
 * <p>A test that needs a fleet of its own asks {@link #start(Fleet)}; what it hands to
 * {@link #closing} (clients, readers) is closed with the emulator of the same scope, before it.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Null for {@link #onDemand()}: no emulator of its own. */
    private final EmulatorConfig config;
    /** Closed in reverse order at the end of the class, and of each test. */
    private final Deque<AutoCloseable> classScope = new ArrayDeque<>();
    private final Deque<AutoCloseable> testScope = new ArrayDeque<>();
    /** Nested test classes see the same extension again; only the outermost starts and stops. */
    private int classDepth;
    private boolean inTest;
    private Emulator emulator;

    private EmulatorExtension(EmulatorConfig config) {
        this.config = config;
    }

    /** The demo fleet, seed 42: what {@code ecs-top --demo} serves. */
    public static EmulatorExtension demo() {
        return new EmulatorExtension(EmulatorConfig.defaults());
    }

    public static EmulatorExtension serving(Fleet fleet) {
        return new EmulatorExtension(EmulatorConfig.builder().fleet(fleet).build());
    }

    /** Several accounts and regions, told apart by the access key and region a request is signed with. */
    public static EmulatorExtension serving(Accounts accounts) {
        return new EmulatorExtension(EmulatorConfig.builder().accounts(accounts).build());
    }

    /** No emulator of its own: each test starts what it needs with {@link #start}. */
    public static EmulatorExtension onDemand() {
        return new EmulatorExtension(null);
    }

    /** The emulator's "now" fixed at {@code now}, for figures that do not move. */
    public EmulatorExtension at(Instant now) {
        return with(b -> b.clock(InstantSource.fixed(now)));
    }

    public EmulatorExtension clock(InstantSource clock) {
        return with(b -> b.clock(clock));
    }

    /** Any other knob: seed, ticker, latency, token buckets, faults, threads. */
    public EmulatorExtension with(UnaryOperator<EmulatorConfig.Builder> knobs) {
        if (config == null) {
            throw new IllegalStateException("an on-demand extension has no emulator to configure; pass knobs to start()");
        }
        return new EmulatorExtension(knobs.apply(config.toBuilder()).build());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0 && config != null) {
            emulator = open(config, classScope);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (--classDepth == 0) {
            emulator = null;
            closeAll(classScope);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTest = true;
        if (config == null) {
            return;
        }
        if (classDepth == 0) {
            emulator = open(config, testScope);
        } else {
            log().reset();
            heal();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        inTest = false;
        if (classDepth == 0) {
            emulator = null;
        }
        closeAll(testScope);
    }

    /** The emulator this extension runs for the class or the test. */
    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException(config == null
                    ? "an on-demand extension runs no emulator of its own; use start()"
                    : "no emulator outside a test: register the extension with @RegisterExtension");
        }
        return emulator;
    }

    /** Another emulator on {@code fleet}, closed at the end of the test (of the class, from {@code @BeforeAll}). */
    public Emulator start(Fleet fleet) {
        return start(b -> b.fleet(fleet));
    }

    public Emulator start(UnaryOperator<EmulatorConfig.Builder> knobs) {
        return open(knobs.apply(EmulatorConfig.builder()).build(), scope());
    }

    /** Closes {@code resource} at the end of the test (of the class, from {@code @BeforeAll}), before the emulator. */
    public <T extends AutoCloseable> T closing(T resource) {
        scope().push(resource);
        return resource;
    }

    /** Faults, latency, token buckets and throttling as configured, the request log kept: a fault cleared mid-test. */
    public void heal() {
        Emulator e = emulator();
        e.faults(config.faults());
        e.latency(config.latency());
        e.tokenBuckets(config.tokenBuckets());
        e.throttleNext(0);
    }

    public URI endpoint() {
        return emulator().endpoint();
    }

    public Fleet fleet() {
        return emulator().fleet();
    }

    public RequestLog log() {
        return emulator().log();
    }

    public void faults(Faults faults) {
        emulator().faults(faults);
    }

    public void latency(Duration perCall) {
        emulator().latency(perCall);
    }

    public void tokenBuckets(boolean on) {
        emulator().tokenBuckets(on);
    }

    public void throttleNext(int calls) {
        emulator().throttleNext(calls);
    }

    private Deque<AutoCloseable> scope() {
        return inTest ? testScope : classScope;
    }

    private static Emulator open(EmulatorConfig config, Deque<AutoCloseable> scope) {
        Emulator e = Emulator.start(config);
        scope.push(e);
        return e;
    }

    /** Closes everything, newest first, even when one of them fails. */
    private static void closeAll(Deque<AutoCloseable> scope) throws Exception {
        Exception first = null;
        while (!scope.isEmpty()) {
            try {
                scope.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
