package ecstop.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import ecstop.emulator.Route.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ECS and CloudWatch endpoint on loopback that speaks the real wire protocols (ECS
 * awsJson1_1; CloudWatch rpcv2-cbor, awsJson1_0 and awsQuery; for right-sizing, Application
 * Auto Scaling and the Price List, both awsJson1_1), serving a simulated
 * {@link Fleet} with AWS's limits, optional latency and token buckets, and injectable faults
 * that can be switched while it runs. Every request passes the same gates in AWS's order:
 * outage, latency, dropped connection, authentication, operation, credentials, permission,
 * throttling, server error; then the operation answers.
 *
 * <p>Close it when done: the JDK server's dispatcher thread keeps the JVM alive.
 */
public final class Emulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    static {
        // The JDK server writes headers and body in separate segments; with Nagle's algorithm
        // on, each answer then waits ~40 ms for the client's delayed ACK. Read once, when the
        // server class first loads, so it must be set before any HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorConfig config;
    private final RequestLog log = new RequestLog();
    private final PricingApi pricing = new PricingApi();
    private final Map<String, TokenBuckets> buckets = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService outageWatcher;
    private final Random dice;
    private final long requestIdPrefix;
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final Object listenerLock = new Object();
    private final int port;

    private volatile Faults faults;
    private volatile Duration latency;
    private volatile boolean tokenBuckets;
    private HttpServer server; // guarded by listenerLock; null while refusing connections
    private ScheduledFuture<?> watching; // guarded by listenerLock
    private boolean closed; // guarded by listenerLock

    private Emulator(EmulatorConfig config) {
        this.config = config;
        this.dice = new Random(config.seed());
        this.requestIdPrefix = Hashing.mix(config.seed());
        this.faults = config.faults();
        this.latency = config.latency();
        this.tokenBuckets = config.tokenBuckets();
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, workerName(threadNumber.incrementAndGet())));
        // No thread lingers while the emulator is idle.
        this.workers.allowCoreThreadTimeOut(true);
        this.outageWatcher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ecs-top-emulator-outage"));
        this.server = bind(config.port());
        this.port = server.getAddress().getPort();
    }

    /** Binds 127.0.0.1 (port 0: a free port) and starts serving. */
    public static Emulator start(EmulatorConfig config) {
        Emulator e = new Emulator(config);
        e.faults(config.faults());
        return e;
    }

    /** http://127.0.0.1:PORT, or https:// when it serves TLS */
    public URI endpoint() {
        return URI.create((config.tls().isPresent() ? "https" : "http") + "://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public RequestLog log() {
        return log;
    }

    public EmulatorConfig config() {
        return config;
    }

    public Fleet fleet() {
        return config.fleet();
    }

    public Faults faults() {
        return faults;
    }

    /** Switches faults on or off from now on; an outage that refuses connections closes the socket. */
    public void faults(Faults newFaults) {
        this.faults = newFaults;
        synchronized (listenerLock) {
            boolean windowed = newFaults.outage().mode() == Faults.Outage.Mode.REFUSE_CONNECTIONS;
            if (windowed && watching == null && !closed) {
                // The window is on the emulator's clock, which only the watcher can follow.
                watching = outageWatcher.scheduleWithFixedDelay(this::applyOutage, 20, 20, TimeUnit.MILLISECONDS);
            } else if (!windowed && watching != null) {
                watching.cancel(false);
                watching = null;
            }
        }
        applyOutage();
    }

    public Duration latency() {
        return latency;
    }

    /** Every call sleeps this long before it is answered. */
    public void latency(Duration perCall) {
        if (perCall.isNegative()) {
            throw new IllegalArgumentException("negative latency: " + perCall);
        }
        this.latency = perCall;
    }

    public void tokenBuckets(boolean on) {
        this.tokenBuckets = on;
    }

    /** Answers the next {@code calls} calls (any operation) with throttling, then recovers. */
    public void throttleNext(int calls) {
        throttleNext.set(calls);
    }

    @Override
    public void close() {
        synchronized (listenerLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        outageWatcher.shutdownNow();
        workers.shutdownNow();
    }

    private HttpServer bind(int onPort) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort);
            HttpServer s;
            if (config.tls().isPresent()) {
                HttpsServer https = HttpsServer.create(address, 256);
                https.setHttpsConfigurator(new HttpsConfigurator(config.tls().get()));
                s = https;
            } else {
                s = HttpServer.create(address, 256);
            }
            s.createContext("/", this::handle);
            s.setExecutor(workers);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    /** Opens or closes the listening socket to match the outage window at the clock's now. */
    void applyOutage() {
        synchronized (listenerLock) {
            if (closed) {
                return;
            }
            boolean refuse = faults.outage().refusesAt(config.clock().instant());
            if (refuse && server != null) {
                server.stop(0);
                server = null;
            } else if (!refuse && server == null) {
                try {
                    server = bind(port);
                } catch (UncheckedIOException e) {
                    // Someone took the port meanwhile; the watcher tries again on its next tick
                    // (an exception would cancel it).
                    LOG.warn("emulator could not listen again after an outage", e);
                }
            }
        }
    }

    private void handle(HttpExchange ex) {
        String requestId = new UUID(requestIdPrefix, requestCounter.incrementAndGet()).toString();
        Route route = null;
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            ObjectNode form = null;
            String action = null;
            if (Route.isQuery(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders())) {
                form = QueryForm.parse("GET".equals(ex.getRequestMethod())
                        ? ex.getRequestURI().getRawQuery() : new String(body, StandardCharsets.UTF_8));
                action = form.path("Action").isTextual() ? form.path("Action").asText() : null;
                form.remove("Action");
                form.remove("Version");
            }
            route = Route.of(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders(), action);
            if (route.operation() != null) {
                log.call(route.operation(), route.protocol().wireName);
            }
            Faults f = faults;
            if (f.outage().unavailableAt(config.clock().instant())) {
                throw AwsError.SERVICE_UNAVAILABLE.with("Service Unavailable");
            }
            pause();
            if (f.dropRate() > 0 && dice.nextDouble() < f.dropRate()) {
                log.dropped();
                ex.close(); // no answer at all: the client sees the connection end
                return;
            }
            Accounts.Caller caller = config.accounts().caller(ex.getRequestHeaders().getFirst("Authorization"));
            checkGates(ex, route, f, caller);
            Map<String, Object> answer = answer(route, body, form, caller);
            respond(ex, route, 200, success(route, answer, requestId), requestId, null);
        } catch (ApiException e) {
            error(ex, orUnknown(route), e, requestId);
        } catch (IllegalArgumentException e) {
            // Malformed form encoding and the like: the request is not well formed.
            error(ex, orUnknown(route), badInput(route, "The request is malformed: " + e.getMessage()), requestId);
        } catch (IOException | RuntimeException e) {
            LOG.warn("emulator failed on a request", e);
            error(ex, orUnknown(route),
                    AwsError.INTERNAL_FAILURE.with("We encountered an internal error. Please try again."), requestId);
        } finally {
            ex.close();
        }
    }

    /** Before a request is routed, errors go out as ECS would write them. */
    private static Route orUnknown(Route route) {
        return route != null ? route : new Route(Protocol.AWS_JSON_1_1, null, null);
    }

    private void checkGates(HttpExchange ex, Route route, Faults f, Accounts.Caller caller) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw AwsError.MISSING_AUTHENTICATION.with(route.protocol() == Protocol.AWS_QUERY
                    ? "Request is missing Authentication Token" : "Missing Authentication Token");
        }
        if (!route.knownOperation()) {
            throw AwsError.UNKNOWN_OPERATION.with(route.protocol() == Protocol.AWS_QUERY
                    ? "Could not find operation " + route.operation() + " for version 2010-08-01"
                    : "Unknown operation " + route.operation());
        }
        if (caller.account().disabledRegions().contains(caller.region())) {
            throw AwsError.UNRECOGNIZED_CLIENT.with("The security token included in the request is invalid.");
        }
        if (f.expiredCredentials() || caller.account().expiredCredentials()) {
            throw AwsError.EXPIRED_TOKEN.with("The security token included in the request is expired");
        }
        String op = route.operation();
        if (f.denies(op) || caller.account().denied().contains(op)) {
            String action = route.api().iamPrefix + ":" + op;
            throw AwsError.ACCESS_DENIED.with("User: arn:aws:sts::" + caller.account().id()
                    + ":assumed-role/ecs-top/emulator is not authorized to perform: " + action
                    + " because no identity-based policy allows the " + action + " action");
        }
        boolean throttle = throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || (tokenBuckets && !buckets(caller).admit(op))
                || (f.throttleRate() > 0 && dice.nextDouble() < f.throttleRate());
        if (throttle) {
            throw AwsError.THROTTLING.with("Rate exceeded");
        }
        if (f.errorRate() > 0 && dice.nextDouble() < f.errorRate()) {
            throw AwsError.INTERNAL_FAILURE.with("We encountered an internal error. Please try again.");
        }
    }

    /** AWS meters each account in each region on its own buckets. */
    private TokenBuckets buckets(Accounts.Caller caller) {
        return buckets.computeIfAbsent(caller.account().id() + "/" + caller.region(), k -> new TokenBuckets(config.ticker()));
    }

    private Map<String, Object> answer(Route route, byte[] body, ObjectNode form, Accounts.Caller caller) throws IOException {
        ObjectNode input;
        try {
            input = switch (route.protocol()) {
                case AWS_QUERY -> form;
                case RPC_V2_CBOR -> Documents.readCbor(body);
                default -> Documents.readJson(body);
            };
        } catch (IOException e) {
            throw badInput(route, "The request body could not be read: " + e.getMessage());
        }
        switch (route.api()) {
            case ECS:
                return new EcsApi(config.accounts().fleet(caller), config.clock())
                        .call(route.operation(), new Inputs(input, AwsError.INVALID_PARAMETER));
            case AUTOSCALING:
                return new ScalingApi(config.accounts().fleet(caller), config.clock())
                        .call(route.operation(), new Inputs(input, AwsError.SCALING_VALIDATION));
            case PRICING:
                return pricing.call(route.operation(), new Inputs(input, AwsError.INVALID_PARAMETER));
            default:
                break;
        }
        CloudWatchApi.Reply reply = new CloudWatchApi(config.accounts().visible(caller), config.clock())
                .call(route.operation(), new Inputs(input, AwsError.VALIDATION));
        log.served(reply.metrics(), reply.analysed(), reply.datapoints());
        return reply.body();
    }

    private static ApiException badInput(Route route, String message) {
        Api api = route == null ? null : route.api();
        AwsError error = api == Api.AUTOSCALING ? AwsError.SCALING_VALIDATION
                : api == Api.ECS || api == Api.PRICING ? AwsError.INVALID_PARAMETER : AwsError.VALIDATION;
        return error.with(message);
    }

    private void pause() {
        Duration d = latency;
        if (!d.isZero()) {
            log.delayed();
            try {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] success(Route route, Map<String, Object> answer, String requestId) {
        return switch (route.protocol()) {
            case AWS_QUERY -> QueryXml.response(route.operation(), answer, requestId);
            case RPC_V2_CBOR -> Documents.cbor(answer);
            default -> Documents.json(answer);
        };
    }

    private void error(HttpExchange ex, Route route, ApiException e, String requestId) {
        AwsError err = e.error;
        boolean cloudWatch = route.api() == Api.CLOUDWATCH
                || (route.api() == null && route.protocol() != Protocol.AWS_JSON_1_1);
        log.error(cloudWatch ? err.queryCode : err.ecsType, err == AwsError.THROTTLING);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("__type", cloudWatch ? err.cloudWatchShape : err.ecsType);
        doc.put("message", e.getMessage());
        byte[] body = switch (route.protocol()) {
            case AWS_QUERY -> QueryXml.error(err, e.getMessage(), requestId);
            case RPC_V2_CBOR -> Documents.cbor(doc);
            default -> Documents.json(doc);
        };
        try {
            respond(ex, route, err.status, body, requestId, cloudWatch ? err.queryErrorHeader() : null);
        } catch (IOException io) {
            LOG.debug("could not send an error answer", io);
        }
    }

    private static void respond(HttpExchange ex, Route route, int status, byte[] body, String requestId,
            String queryError) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", route.protocol().contentType);
        h.set("x-amzn-RequestId", requestId);
        if (route.protocol() == Protocol.RPC_V2_CBOR) {
            h.set("smithy-protocol", "rpc-v2-cbor");
        }
        if (queryError != null && route.protocol() != Protocol.AWS_QUERY) {
            h.set("x-amzn-query-error", queryError);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    /** Workers start on the first request, after the port is bound, so it can name them. */
    private String workerName(int n) {
        return "ecs-top-emulator-" + port + "-" + n;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
