package ecstop.cli;

import ecstop.config.WallClock;
import ecstop.domain.View;
import ecstop.config.Remembered;
import ecstop.config.LastSnapshotStore;
import ecstop.config.RememberedStore;
import ecstop.config.Settings;
import ecstop.config.SettingsLoader;
import ecstop.domain.FleetReader;
import ecstop.poll.Readers;
import ecstop.domain.signal.FailOn;
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
 * error, 4 a service shows what {@code --once --fail-on} asks about; each failure is exactly one line on stderr, never a stack trace. Keep this
 * class's static initialisation light: --help and --version must not load the AWS SDK.
 */
@Command(name = "ecs-top", mixinStandardHelpOptions = true, subcommands = {ecstop.emulator.EmulatorCommand.class, CompletionCommand.class, ScreenshotsCommand.class}, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Shows which ECS services come closest to their CPU and memory limits.%n"
                + "Settings also come from ~/.config/ecs-top/config.properties and ECS_TOP_* variables.")
public final class Main implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "NAME[,NAME...]",
            description = "AWS profile, or several separated by commas (default: the SDK's credential chain)")
    String profile;

    @Option(names = "--region", paramLabel = "REGION[,REGION...]",
            description = "AWS region, e.g. eu-west-1, or several separated by commas")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "send ECS and CloudWatch calls here (an emulator)")
    String endpointUrl;

    @Option(names = "--cluster", paramLabel = "NAME", description = "the cluster to show (default: the only one)")
    String cluster;

    @Option(names = "--service", paramLabel = "NAME", description = "with --once --view timeline or tasks: the service to show")
    String service;

    @Option(names = "--lookback", paramLabel = "SPAN", completionCandidates = Candidates.Lookbacks.class,
            description = "how far back: 90m, 6h, 3d, 2w (default 24h)")
    String lookback;

    @Option(names = "--stat", paramLabel = "max|avg", completionCandidates = Candidates.Stats.class,
            description = "max (the most loaded task) or avg (default max)")
    String stat;

    @Option(names = "--refresh", paramLabel = "INTERVAL", description = "refresh interval, at least 5s (default 60s)")
    String refresh;

    @Option(names = "--config", paramLabel = "FILE", description = "read this config file instead of the user's")
    Path config;

    @Option(names = "--cross-account", description = "group the fleet by account (a CloudWatch monitoring account)")
    boolean crossAccount;

    @Option(names = "--no-mouse", description = "leave the mouse to the terminal (its own selection and copy)")
    boolean noMouse;

    @Option(names = "--once", description = "print one snapshot and exit")
    boolean once;

    @Option(names = "--format", paramLabel = "text|json|csv", completionCandidates = Candidates.Formats.class,
            description = "what --once prints (default text)")
    String format;

    @Option(names = "--view", paramLabel = "usage|rightsize|timeline|tasks",
            description = "what --once shows: usage charts, right-sizing with dollars, one service's timeline,"
                    + " or running tasks and containers (default usage)")
    String view;

    @Option(names = "--percentile", paramLabel = "P", description = "right-sizing: percentile of the per-period maxima (default 99)")
    String percentile;

    @Option(names = "--headroom", paramLabel = "PERCENT", description = "right-sizing: headroom over that use (default 20)")
    String headroom;
    @Option(names = "--fail-on", paramLabel = "LIST", description = "with --once: exit 4 when a service shows any of "
            + "oom,crash,placement,short,deploy,health,hot (hot: a figure at or over the hot threshold)")
    String failOn;

    @Option(names = "--ascii", description = "ASCII bars only")
    boolean ascii;

    @Option(names = "--colour", paramLabel = "MODE", completionCandidates = Candidates.Colours.class,
            description = "auto, 16, 256, truecolor or none (default auto: the terminal's, none when NO_COLOR is set)")
    String colour;

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
            env.err().println("ecs-top: " + SafeText.safe(e.getMessage()) + " (try --help)");
            return ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("unexpected error", e);
            env.err().println("ecs-top: internal error: " + SafeText.safe(String.valueOf(e))
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
            // one line per bad setting: a file with several bad lines names each
            loaded.getLeft().lines().forEach(line -> env.err().println("ecs-top: " + SafeText.safe(line)));
            return ExitCode.USAGE;
        }
        Settings settings = loaded.get();
        for (String warning : SettingsLoader.unknownVariables(env.env())) {
            org.slf4j.LoggerFactory.getLogger(Main.class).warn(warning);
            if (once) {
                // the TUI is about to own the terminal; there the log is the place
                env.err().println("ecs-top: warning: " + SafeText.safe(warning));
            }
        }
        Optional<View> shown = view == null ? Optional.of(View.USAGE) : View.parse(view);
        if (shown.isEmpty()) {
            env.err().println("ecs-top: --view '" + SafeText.safe(view) + "' is not allowed; use " + View.choices());
            return ExitCode.USAGE;
        }
        if (shown.get() != View.USAGE && !once) {
            env.err().println("ecs-top: --view " + shown.get().key() + " is printed with --once (ecs-top --once --view "
                    + shown.get().key() + ")");
            return ExitCode.USAGE;
        }
        if (shown.get().ofOneService() && (cluster == null || service == null)) {
            env.err().println("ecs-top: --view " + shown.get().key() + " shows one service: name it with --cluster and"
                    + " --service (ecs-top --once --view " + shown.get().key() + " --cluster C --service S)");
            return ExitCode.USAGE;
        }
        if (shown.get() == View.TASKS && cluster == null) {
            env.err().println("ecs-top: --view tasks shows one cluster's tasks: name it with --cluster"
                    + " (ecs-top --once --view tasks --cluster C [--service S])");
            return ExitCode.USAGE;
        }
        if (service != null && !shown.get().takesService()) {
            env.err().println("ecs-top: --service goes with --once --view timeline or tasks (ecs-top --once --view timeline"
                    + " --cluster C --service S)");
            return ExitCode.USAGE;
        }
        Either<String, FailOn> failOnList = failOn == null ? Either.right(FailOn.NOTHING) : FailOn.parse(failOn);
        if (failOnList.isLeft()) {
            env.err().println("ecs-top: " + SafeText.safe(failOnList.getLeft()));
            return ExitCode.USAGE;
        }
        if (failOn != null && !once) {
            env.err().println("ecs-top: --fail-on works with --once only (the interactive view never exits by itself)");
            return ExitCode.USAGE;
        }
        FailOn failing = failOnList.get();
        if (demo) {
            if (demoServices != null && demoServices < 0) {
                env.err().println("ecs-top: --demo-services must be 0 or more, got " + demoServices);
                return ExitCode.USAGE;
            }
            try (DemoSession fleet = DemoSession.start(demoServices)) {
                // --profile and --region read as for an account: the same paths, the readers on the emulator
                CliEnvironment demoEnv = env.withReaders(fleet::reader, fleet::readers);
                Settings demoSettings = DemoSession.withRegions(settings, once);
                if (once) {
                    return once(demoEnv, demoSettings, shown.get(), failing);
                }
                Either<String, Map<ecstop.domain.Target, FleetReader>> readers = fleet.readers(demoSettings);
                if (readers.isLeft()) {
                    env.err().println("ecs-top: " + SafeText.safe(readers.getLeft()));
                    return ExitCode.USAGE;
                }
                // the demo's clusters are not the account's: nothing of it is remembered
                return interactive(demoSettings, Readers.of(readers.get(), false), fleet.label(), false);
            }
        }
        if (once) {
            return once(env, settings, shown.get(), failing);
        }
        if (settings.profiles().size() > 1 || settings.regions().size() > 1) {
            Either<String, Map<ecstop.domain.Target, FleetReader>> readers = env.targets().apply(settings);
            if (readers.isLeft()) {
                env.err().println("ecs-top: " + SafeText.safe(readers.getLeft()));
                return ExitCode.USAGE;
            }
            try {
                // the view is remembered per profile and region: a session over several has no one place for it
                return interactive(settings, Readers.of(readers.get(), settings.crossAccount()), target(settings), false);
            } finally {
                readers.get().values().forEach(Main::close);
            }
        }
        return withReader(env, settings, reader -> interactive(settings,
                Readers.of(java.util.Map.of(reader.target(), reader), settings.crossAccount()), target(settings),
                settings.allDay().remember()));
    }

    private int interactive(Settings settings, Readers readers, String label, boolean remember) {
        if (!env.terminal()) {
            env.err().println("ecs-top: the interactive view needs a terminal; use --once to print a snapshot");
            return ExitCode.USAGE;
        }
        ecstop.domain.Target target = readers.targets().get(0);
        java.nio.file.Path stateDir = LogSetup.directory(env.env(), env.home());
        Optional<RememberedStore> store = remember ? Optional.of(new RememberedStore(stateDir)) : Optional.empty();
        Optional<LastSnapshotStore> bars = remember ? Optional.of(new LastSnapshotStore(stateDir)) : Optional.empty();
        Remembered last = store.map(st -> st.read(target)).orElse(Remembered.NOTHING);
        // the last view sits just above the defaults: the file, the environment and the flags win over it
        Settings s = last.settings().isEmpty() ? settings
                : SettingsLoader.load(env.env(), env.home(), Optional.ofNullable(config), flags(), last.settings())
                        .getOrElse(settings);
        UiOptions options = new UiOptions(s.cluster(), s.lookback(), s.stat(), s.refresh(),
                s.thresholds(), s.ascii(), s.colour(), label, WallClock.local(),
                s.rightsize(), s.mouse())
                // a filter was for the services of the cluster it was typed on
                .withView(SortOrder.byLabel(last.sort().orElse("")).orElse(SortOrder.PEAK),
                        s.cluster().equals(last.cluster()) ? last.filter().orElse("") : "")
                .withGovernor(s.allDay().governor())
                .withAlerts(s.allDay().alerts(), s.allDay().desktop())
                .withLastSeen(s.cluster().flatMap(name -> bars.flatMap(b -> b.read(
                        new ecstop.domain.ClusterRef(target, name), s.lookback(), s.stat()))));
        int status = Tui.run(readers, options, left -> {
            store.ifPresent(st -> st.write(target, left.view()));
            left.snapshot().ifPresent(snap -> bars.ifPresent(b -> b.write(snap)));
        });
        return status == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }

    /** "prod · eu-west-1": what the status bar says the TUI is looking at. */
    private static String target(Settings settings) {
        return settings.profile().orElse("default") + " · " + settings.region().orElse("(region from profile)");
    }

    /**
     * One target: as ever (the fleet when it has several clusters); several: the fleet of them
     * all. {@code cli} builds the readers: the account's, or the demo's on the emulator.
     */
    private int once(CliEnvironment cli, Settings settings, View view, FailOn failing) {
        if (settings.profiles().size() <= 1 && settings.regions().size() <= 1) {
            return withReader(cli, settings, reader -> new OnceMode(settings, reader, cli, view, failing,
                    Optional.ofNullable(service)).run());
        }
        if (settings.cluster().isPresent()) {
            cli.err().println("ecs-top: --cluster names one cluster of one profile and region; with several,"
                    + " leave --cluster out to see the fleet, or pick one profile and one region");
            return ExitCode.USAGE;
        }
        Either<String, Map<ecstop.domain.Target, FleetReader>> readers = cli.targets().apply(settings);
        if (readers.isLeft()) {
            cli.err().println("ecs-top: " + SafeText.safe(readers.getLeft()));
            return ExitCode.USAGE;
        }
        try {
            return view == View.RIGHTSIZE ? new RightsizeFleetOnce(settings, readers.get(), cli).run()
                    : new FleetOnce(settings, readers.get(), cli).run();
        } finally {
            readers.get().values().forEach(Main::close);
        }
    }

    private static void close(FleetReader reader) {
        if (reader instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Main.class).warn("closing the reader", e);
            }
        }
    }

    /** Builds the reader for the settings with {@code cli}, runs {@code mode} with it and closes it. */
    private static int withReader(CliEnvironment cli, Settings settings, java.util.function.ToIntFunction<FleetReader> mode) {
        Either<String, FleetReader> reader = cli.readers().apply(settings);
        if (reader.isLeft()) {
            cli.err().println("ecs-top: " + SafeText.safe(reader.getLeft()));
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
        f.put("colour", colour);
        f.put("percentile", percentile);
        f.put("headroom", headroom);
        f.put("cross-account", crossAccount ? "true" : null);
        f.put("mouse", noMouse ? "false" : null);
        return f;
    }
}
