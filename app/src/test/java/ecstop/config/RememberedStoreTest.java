package ecstop.config;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedStoreTest {
    private static final Target PROD = Target.of("prod", "eu-west-1");
    private static final Target DEV = Target.of("dev", "eu-west-1");
    private static final Remembered VIEW = new Remembered(Optional.of("api"), Optional.of("3d"), Optional.of("avg"),
            Optional.of("name"), Optional.of("batch"));

    @TempDir
    Path dir;

    @Test
    void eachProfileAndRegionGetsBackWhatItLeft() {
        RememberedStore store = new RememberedStore(dir.resolve("state"));
        assertThat(store.read(PROD)).isEqualTo(Remembered.NOTHING);
        store.write(PROD, VIEW);
        Remembered dev = new Remembered(Optional.of("web"), Optional.of("1h"), Optional.of("max"), Optional.of("peak"),
                Optional.empty());
        store.write(DEV, dev);
        assertThat(store.read(PROD)).isEqualTo(VIEW);
        assertThat(store.read(DEV)).isEqualTo(dev);
        assertThat(store.read(Target.of("prod", "us-east-1"))).isEqualTo(Remembered.NOTHING);
    }

    @Test
    void aPartNoLongerKnownIsForgotten() {
        RememberedStore store = new RememberedStore(dir);
        store.write(PROD, VIEW);
        store.write(PROD, new Remembered(Optional.empty(), Optional.of("3d"), Optional.of("avg"), Optional.of("name"),
                Optional.empty()));
        assertThat(store.read(PROD).cluster()).isEmpty();
        assertThat(store.read(PROD).filter()).isEmpty();
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        RememberedStore store = new RememberedStore(dir);
        store.write(PROD, VIEW);
        store.write(DEV, VIEW);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("remembered.properties");
        }
    }

    @Test
    void aCorruptFileIsIgnoredAndThenReplaced() throws IOException {
        Path f = dir.resolve("remembered.properties");
        Files.write(f, new byte[] {'p', 'r', 'o', 'd', '@', 'x', '=', '\\', 'u', 'Z', 'Z', '\n'});
        RememberedStore store = new RememberedStore(dir);
        assertThat(store.read(PROD)).isEqualTo(Remembered.NOTHING);
        store.write(PROD, VIEW);
        assertThat(store.read(PROD)).isEqualTo(VIEW);
    }

    @Test
    void valuesEcsTopWouldNeverWriteAreDroppedOneByOne() throws IOException {
        Files.writeString(dir.resolve("remembered.properties"), String.join("\n",
                "prod@eu-west-1.cluster=api", "prod@eu-west-1.lookback=90x", "prod@eu-west-1.stat=p99",
                "prod@eu-west-1.sort=" + "x".repeat(30), "prod@eu-west-1.filter=a\\u001b[2Jb", ""), StandardCharsets.UTF_8);
        Remembered r = new RememberedStore(dir).read(PROD);
        assertThat(r).isEqualTo(new Remembered(Optional.of("api"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void aStateDirectoryThatCannotBeMadeIsNothingRememberedAndNoCrash() throws IOException {
        // a file where the directory should be: every read and write fails (permissions would not: tests may run as root)
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        RememberedStore store = new RememberedStore(blocker.resolve("ecs-top"));
        store.write(PROD, VIEW);
        assertThat(store.read(PROD)).isEqualTo(Remembered.NOTHING);
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsReadAsNothing() throws IOException {
        Files.createDirectory(dir.resolve("remembered.properties"));
        assertThat(new RememberedStore(dir).read(PROD)).isEqualTo(Remembered.NOTHING);
    }
}
