package ecstop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * java.util.logging (SLF4J's binding here) set up in code: everything goes to
 * {@code $XDG_STATE_HOME/ecs-top/ecs-top.log} (else {@code ~/.local/state/ecs-top/}),
 * directory 0700, files 0600, 1 MB × 3; nothing ever reaches the terminal, whose screen
 * belongs to the UI. The AWS SDK is held at INFO: its DEBUG output includes request
 * headers and credential-provider detail, which must never land in a file.
 */
public final class LogSetup {
    static final long LIMIT = 1_000_000;
    static final int FILES = 3;
    /** Held so the levels set on them are not lost when java.util.logging drops unreferenced loggers. */
    private static final List<Logger> PINNED = List.of(
            Logger.getLogger("software.amazon.awssdk"),
            Logger.getLogger("software.amazon.awssdk.request"),
            Logger.getLogger("software.amazon.awssdk.auth"),
            Logger.getLogger("software.amazon.awssdk.http"));

    private LogSetup() {}

    public static Path directory(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local/state");
        return base.resolve("ecs-top");
    }

    /** Installs the file log; returns its path, or empty when it could not be created (then nothing is logged). */
    public static Optional<Path> install(Map<String, String> env, Path home) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.INFO);
        PINNED.forEach(l -> l.setLevel(Level.INFO));
        PINNED.get(1).setLevel(Level.WARNING);
        Path dir = directory(env, home);
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            PrivateFileHandler handler = new PrivateFileHandler(dir.resolve("ecs-top.log"), LIMIT, FILES);
            handler.setLevel(Level.ALL);
            // The default ErrorManager prints to stderr, which would land on the UI's screen.
            handler.setErrorManager(new ErrorManager() {
                @Override
                public synchronized void error(String msg, Exception ex, int code) {
                    // A log that cannot be written is not worth a broken screen.
                }
            });
            root.addHandler(handler);
            return Optional.of(handler.file());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            root.setLevel(Level.OFF);
            return Optional.empty();
        }
    }
}
