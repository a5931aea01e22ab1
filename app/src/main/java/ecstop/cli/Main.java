package ecstop.cli;

import ecstop.config.Remembered;
import ecstop.config.RememberedStore;
import ecstop.config.Settings;
import ecstop.config.SettingsLoader;
import ecstop.domain.FleetReader;
import ecstop.ui.state.SortOrder;
import ecstop.ui.terminal.Tui;
import ecstop.ui.terminal.UiOptions;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The entry point: parses flags, merges configuration, sets up the file log and runs one
 * of three modes: {@code --once} (print a snapshot and exit), {@code --demo} (the app
 * against the local emulator) or, by default, the interactive TUI.
 *
 * <p>Exit codes: 0 ok, 1 internal error (logged), 2 usage or configuration error, 3 AWS
 * error; each failure is exactly one line on stderr, never a stack trace. Keep this
 * class's static initialisation light: --help and --version must not load the AWS SDK.
 */
@Command(name = "ecs-top", mixinStandardHelpOptions = true, subcommands = {ecstop.emulator.EmulatorCommand.class, ScreenshotsCommand.class}, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Shows which ECS services come closest to their CPU and memory limits.%n"
                + "Settings also come from ~/.config/ecs-top/config.properties and ECS_TOP_* variables.")
public final class Main implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: the SDK's credential chain)")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region, e.g. eu-west-1")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "send ECS and CloudWatch calls here (an emulator)")
    String endpointUrl;

    @Option(names = "--cluster", paramLabel = "NAME", description = "the cluster to show (default: the only one)")
    String cluster;

    @Option(names = "--lookback", paramLabel = "SPAN", description = "how far back: 90m, 6h, 3d, 2w (default 24h)")
    String lookback;

    @Option(names = "--stat", paramLabel = "max|avg", description = "max (the most loaded task) or avg (default max)")
    String stat;

    @Option(names = "--refresh", paramLabel = "INTERVAL", description = "refresh interval, at least 5s (default 60s)")
    String refresh;

    @Option(names = "--config", paramLabel = "FILE", description = "read this config file instead of the user's")
    Path config;

    @Option(names = "--once", description = "print one snapshot and exit")
    boolean once;

    @Option(names = "--format", paramLabel = "text|json|csv", description = "what --once prints (default text)")
    String format;

    @Option(names = "--ascii", description = "ASCII bars only")
    boolean ascii;

    @Option(names = "--demo", description = "run against a simulated fleet on a local emulator")
    boolean demo;

    @Option(names = "--demo-services", paramLabel = "N", description = "services in the demo fleet")
    Integer demoServices;

    private final CliEnvironment env;

    Main(CliEnvironment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Parses and runs; returns the exit code. */
    public static int run(String[] args, CliEnvironment env) {
        CommandLine cmd = new CommandLine(new Main(env));
        cmd.setOut(new PrintWriter(env.out(), true));
        cmd.setErr(new PrintWriter(env.err(), true));
        cmd.setParameterExceptionHandler((e, a) -> {
            env.err().println("ecs-top: " + Text.safe(e.getMessage()) + " (try --help)");
            return ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("unexpected error", e);
            env.err().println("ecs-top: internal error: " + Text.safe(String.valueOf(e))
                    + " (details in " + LogSetup.directory(env.env(), env.home()).resolve("ecs-top.log") + ")");
            return ExitCode.INTERNAL;
        });
        return cmd.execute(args);
    }

    @Override
    public Integer call() {
        if (env.installLogging()) {
            LogSetup.install(env.env(), env.home());
        }
        Either<String, Settings> loaded = SettingsLoader.load(env.env(), env.home(), Optional.ofNullable(config), flags());
        if (loaded.isLeft()) {
            env.err().println("ecs-top: " + Text.safe(loaded.getLeft()));
            return ExitCode.USAGE;
        }
        Settings settings = loaded.get();
        if (demo) {
            if (demoServices != null && demoServices < 0) {
                env.err().println("ecs-top: --demo-services must be 0 or more, got " + demoServices);
                return ExitCode.USAGE;
            }
            try (DemoFleet fleet = DemoFleet.start(demoServices)) {
                return once ? new OnceMode(settings, fleet.reader(), env).run()
                        // the demo's clusters are not the account's: nothing of it is remembered
                        : interactive(settings, fleet.reader(), fleet.label(), false);
            }
        }
        if (once) {
            return once(settings);
        }
        return withReader(settings, reader -> interactive(settings, reader, target(settings), settings.allDay().remember()));
    }

    private int interactive(Settings settings, FleetReader reader, String label, boolean remember) {
        if (!env.terminal()) {
            env.err().println("ecs-top: the interactive view needs a terminal; use --once to print a snapshot");
            return ExitCode.USAGE;
        }
        ecstop.domain.Target target = reader.target();
        Optional<RememberedStore> store = remember
                ? Optional.of(new RememberedStore(LogSetup.directory(env.env(), env.home()))) : Optional.empty();
        Remembered last = store.map(st -> st.read(target)).orElse(Remembered.NOTHING);
        // the last view sits just above the defaults: the file, the environment and the flags win over it
        Settings s = last.settings().isEmpty() ? settings
                : SettingsLoader.load(env.env(), env.home(), Optional.ofNullable(config), flags(), last.settings())
                        .getOrElse(settings);
        UiOptions options = new UiOptions(s.cluster(), s.lookback(), s.stat(), s.refresh(),
                s.thresholds(), s.ascii(), s.colour(), label, java.time.Clock.systemDefaultZone())
                // a filter was for the services of the cluster it was typed on
                .withView(SortOrder.byLabel(last.sort().orElse("")).orElse(SortOrder.PEAK),
                        s.cluster().equals(last.cluster()) ? last.filter().orElse("") : "")
                .withGovernor(s.allDay().governor())
                .withAlerts(s.allDay().alerts(), s.allDay().desktop());
        int status = Tui.run(reader, options, view -> store.ifPresent(st -> st.write(target, view)));
        return status == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }

    /** "prod · eu-west-1": what the status bar says the TUI is looking at. */
    private static String target(Settings settings) {
        return settings.profile().orElse("default") + " · " + settings.region().orElse("(region from profile)");
    }

    private int once(Settings settings) {
        return withReader(settings, reader -> new OnceMode(settings, reader, env).run());
    }

    /** Builds the reader for the settings, runs {@code mode} with it and closes it. */
    private int withReader(Settings settings, java.util.function.ToIntFunction<FleetReader> mode) {
        Either<String, FleetReader> reader = env.readers().apply(settings);
        if (reader.isLeft()) {
            env.err().println("ecs-top: " + Text.safe(reader.getLeft()));
            return ExitCode.USAGE;
        }
        try {
            return mode.applyAsInt(reader.get());
        } finally {
            if (reader.get() instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) reader.get()).close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(Main.class).warn("closing the reader", e);
                }
            }
        }
    }

    /** Flag values as typed, for the loader, which validates them like every other source. */
    private Map<String, String> flags() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("profile", profile);
        f.put("region", region);
        f.put("endpoint-url", endpointUrl);
        f.put("cluster", cluster);
        f.put("lookback", lookback);
        f.put("stat", stat);
        f.put("refresh", refresh);
        f.put("format", format);
        f.put("ascii", ascii ? "true" : null);
        return f;
    }
}
