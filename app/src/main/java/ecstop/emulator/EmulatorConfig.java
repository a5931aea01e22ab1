package ecstop.emulator;

import ecstop.config.WallClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * How to run an emulator. {@code clock} is "now" for the metrics (fix it for deterministic
 * screenshots and tests); {@code ticker} (nanoseconds) drives the token buckets, so tests can
 * count rather than sleep; {@code latency} is slept on every call; {@code threads} bounds the
 * server's worker pool. {@code accounts} says whose fleet a request sees (by access key and
 * region); by default every request sees {@code fleet}. {@code tls}, when present, serves
 * HTTPS with that context's key and certificate instead of plain HTTP.
 */
public record EmulatorConfig(
        int port,
        long seed,
        InstantSource clock,
        LongSupplier ticker,
        Fleet fleet,
        Duration latency,
        boolean tokenBuckets,
        Faults faults,
        int threads,
        Accounts accounts,
        Optional<SSLContext> tls) {

    public static final int DEFAULT_SEED = 42;

    public EmulatorConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency: " + latency);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** A free port, seed 42, the system clock, the demo fleet, no latency, no buckets, no faults. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.seed = seed;
        b.clock = clock;
        b.ticker = ticker;
        b.fleet = fleet;
        b.latency = latency;
        b.tokenBuckets = tokenBuckets;
        b.faults = faults;
        b.threads = threads;
        b.accounts = accounts;
        b.tls = tls.orElse(null);
        return b;
    }

    public static final class Builder {
        private int port;
        private long seed = DEFAULT_SEED;
        private InstantSource clock = WallClock.utc();
        private LongSupplier ticker = System::nanoTime;
        private Fleet fleet;
        private Duration latency = Duration.ZERO;
        private boolean tokenBuckets;
        private Faults faults = Faults.NONE;
        private int threads = 32;
        private Accounts accounts;
        private SSLContext tls;

        private Builder() {}

        /** 0 picks a free port. */
        public Builder port(int port) { this.port = port; return this; }

        /** Seeds the fault dice, and the demo fleet when no fleet is given. */
        public Builder seed(long seed) { this.seed = seed; return this; }

        public Builder clock(InstantSource clock) { this.clock = clock; return this; }

        public Builder ticker(LongSupplier nanoTicker) { this.ticker = nanoTicker; return this; }

        public Builder fleet(Fleet fleet) { this.fleet = fleet; return this; }

        public Builder latency(Duration latency) { this.latency = latency; return this; }

        public Builder tokenBuckets(boolean on) { this.tokenBuckets = on; return this; }

        public Builder faults(Faults faults) { this.faults = faults; return this; }

        public Builder threads(int threads) { this.threads = threads; return this; }

        /** Several accounts and regions at once; without a fleet, {@link EmulatorConfig#fleet()} is the first account's. */
        public Builder accounts(Accounts accounts) { this.accounts = accounts; return this; }

        /** Serve HTTPS with this context (its key manager holds the server's key and certificate). */
        public Builder tls(SSLContext context) { this.tls = context; return this; }

        public EmulatorConfig build() {
            Fleet f = fleet != null ? fleet : accounts != null ? accounts.first() : Fleet.demo(seed);
            Accounts a = accounts != null ? accounts : Accounts.single(f);
            return new EmulatorConfig(port, seed, clock, ticker, f, latency, tokenBuckets, faults, threads, a,
                    Optional.ofNullable(tls));
        }
    }
}
