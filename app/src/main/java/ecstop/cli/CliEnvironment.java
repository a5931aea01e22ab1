package ecstop.cli;

import ecstop.config.WallClock;
import ecstop.config.Settings;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import io.vavr.control.Either;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the command line takes from the outside world, so tests can run Main
 * without a home directory, a terminal or AWS.
 *
 * @param readers   builds the FleetReader for the settings; Left is a one-line configuration error
 * @param targets   builds one FleetReader per target (profile × region) the settings name; Left likewise
 * @param terminal  stdout is a terminal (colour allowed)
 * @param installLogging set up the file log (off in tests, which must not touch the real home)
 */
public record CliEnvironment(
        Map<String, String> env,
        Path home,
        PrintStream out,
        PrintStream err,
        boolean terminal,
        Function<Settings, Either<String, FleetReader>> readers,
        Supplier<Instant> clock,
        boolean installLogging,
        Function<Settings, Either<String, Map<Target, FleetReader>>> targets) {

    /** One reader for every target: what tests with a single stub reader need. */
    public CliEnvironment(Map<String, String> env, Path home, PrintStream out, PrintStream err, boolean terminal,
            Function<Settings, Either<String, FleetReader>> readers, Supplier<Instant> clock, boolean installLogging) {
        this(env, home, out, err, terminal, readers, clock, installLogging, s -> readers.apply(s).map(r -> Map.of(
                Target.of(s.profile().orElse("default"), s.region().orElse("(region from profile)")), r)));
    }

    /** The same outside world with readers built elsewhere (the demo's, on its emulator). */
    public CliEnvironment withReaders(Function<Settings, Either<String, FleetReader>> readers,
                                      Function<Settings, Either<String, Map<Target, FleetReader>>> targets) {
        return new CliEnvironment(env, home, out, err, terminal, readers, clock, installLogging, targets);
    }

    /** $HOME as the shell and the AWS tools see it; Java's user.home comes from the password file instead. */
    static Path home(String homeVariable) {
        return homeVariable != null && !homeVariable.isBlank() && Path.of(homeVariable).isAbsolute()
                ? Path.of(homeVariable)
                : Path.of(System.getProperty("user.home"));
    }

    public static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(),
                home(System.getenv("HOME")),
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                System.console() != null,
                AwsReaders::fromSettings,
                () -> WallClock.utc().instant(),
                true,
                AwsReaders::targets);
    }
}
