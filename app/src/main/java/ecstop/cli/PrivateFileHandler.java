package ecstop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A size-bounded, rotating log file readable by its owner only. java.util.logging's
 * FileHandler would do the rotation, but creates each new file with the umask's
 * permissions; this one creates every generation 0600.
 * Files: {@code name}, {@code name.1} … {@code name.(count-1)}.
 */
final class PrivateFileHandler extends Handler {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final long limit;
    private final int count;
    private OutputStream out;
    private long written;

    PrivateFileHandler(Path file, long limit, int count) throws IOException {
        this.file = file;
        this.limit = limit;
        this.count = count;
        setFormatter(new LineFormatter());
        open();
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        try {
            byte[] bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
            if (written > 0 && written + bytes.length > limit) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException | RuntimeException e) {
            reportError("cannot write the log", e instanceof Exception ? (Exception) e : null, ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        for (int i = count - 1; i >= 1; i--) {
            Path from = i == 1 ? file : generation(i - 1);
            if (Files.exists(from)) {
                Files.move(from, generation(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    private Path generation(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    private void open() throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing finer to set than what it gives.
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
        out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        written = Files.size(file);
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot flush the log", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError("cannot close the log", e, ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }
}
