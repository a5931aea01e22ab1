package ecstop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average: context for wall-clock figures on a shared machine. */
final class Load {
    private Load() {}

    static String now() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
