package ecstop.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The user's config file under a test's home directory, where the loader looks for it without --config. */
final class ConfigFiles {
    private ConfigFiles() {}

    static Path userFile(Path home, String... lines) throws IOException {
        Path f = home.resolve(".config/ecs-top/config.properties");
        Files.createDirectories(f.getParent());
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }
}
