package ecstop.emulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-top emulator}: serves the demo fleet (us-east-1, and a second one in eu-west-1)
 * to any AWS client until interrupted, e.g.
 * {@code aws --endpoint-url http://127.0.0.1:4566 ecs list-clusters}.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            // one paragraph a string: picocli wraps each to the terminal's width
            "Serve a simulated ECS fleet and its CloudWatch metrics on 127.0.0.1 over the real AWS wire protocols, "
                    + "until interrupted.",
            "Point any AWS client at it with --endpoint-url (any access key and secret will do; requests must be "
                    + "signed)."})
public final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "4566", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated fleet and of the fault dice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--demo-services", defaultValue = "150", paramLabel = "N",
            description = "Services in the demo's big cluster (default: ${DEFAULT-VALUE}).")
    int demoServices;

    @Option(names = "--latency", defaultValue = "0ms", converter = DurationConverter.class,
            description = "Delay before every answer, like 50ms (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--token-buckets", description = "Throttle as AWS does: ECS cluster reads burst 50, service reads 100, task reads 100, all +20/s;"
            + " GetMetricData 50/s.")
    boolean tokenBuckets;

    @Option(names = "--throttle-rate", defaultValue = "0", paramLabel = "P", description = "Answer this share of calls (0..1) with throttling.")
    double throttleRate;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "P", description = "Answer this share of calls (0..1) with HTTP 500.")
    double errorRate;

    @Option(names = "--drop-rate", defaultValue = "0", paramLabel = "P", description = "Close this share of connections (0..1) without an answer.")
    double dropRate;

    @Option(names = "--deny", paramLabel = "ACTION", description = "Answer access denied for this operation, e.g. GetMetricData (repeatable).")
    List<String> deny = new ArrayList<>();

    @Option(names = "--expired-credentials", description = "Answer every call as if the session token had expired.")
    boolean expiredCredentials;

    @Option(names = "--monitoring-account", description = "Serve a CloudWatch cross-account observability monitoring"
            + " account: Metrics Insights queries also see a linked source account (210987654321, key AKIDANALYTICS).")
    boolean monitoringAccount;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the key and certificate in this PKCS#12 file.")
    Path tlsKeyStore;

    @Option(names = "--tls-password", paramLabel = "PASSWORD", defaultValue = "changeit",
            description = "Password of the --tls-keystore file (default: ${DEFAULT-VALUE}).")
    String tlsPassword;

    @Override
    public Integer call() throws Exception {
        if (demoServices < 0) {
            throw new ParameterException(spec.commandLine(), "--demo-services must be 0 or more, got " + demoServices);
        }
        Faults faults;
        try {
            faults = Faults.NONE.withThrottleRate(throttleRate).withErrorRate(errorRate).withDropRate(dropRate)
                    .withExpiredCredentials(expiredCredentials).withDenied(deny.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        EmulatorConfig.Builder builder = EmulatorConfig.builder();
        if (tlsKeyStore != null) {
            try {
                builder.tls(Tls.fromKeyStore(tlsKeyStore, tlsPassword.toCharArray()));
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new ParameterException(spec.commandLine(), "--tls-keystore " + tlsKeyStore + ": " + e.getMessage());
            }
        }
        EmulatorConfig config = builder
                .port(port)
                .seed(seed)
                .accounts(Accounts.demo(seed, demoServices, monitoringAccount))
                .latency(latency)
                .tokenBuckets(tokenBuckets)
                .faults(faults)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Emulator emulator = Emulator.start(config)) {
            Thread hook = new Thread(() -> {
                emulator.close();
                stopped.countDown();
            }, "ecs-top-emulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = spec.commandLine().getOut();
            out.println("ecs-top emulator listening on " + emulator.endpoint() + " (Ctrl-C to stop)");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing to undo.
        }
    }
}
