package ecstop.config;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view each profile and region was left on, in {@code remembered.properties} in ecs-top's
 * state directory ($XDG_STATE_HOME/ecs-top, else ~/.local/state/ecs-top), keys like
 * {@code prod@eu-west-1.cluster}. Written whole to a temporary file and renamed over the old
 * one, so a crash mid-write leaves the old file, never half a file. Reading never fails: a
 * missing file is nothing remembered; an unreadable or corrupt one, or a value that no longer
 * parses, is one line in the log and ignored.
 */
public final class RememberedStore {
    private static final Logger LOG = LoggerFactory.getLogger(RememberedStore.class);
    static final String FILE = "remembered.properties";
    private static final int MAX_TEXT = 200;

    private final Path file;

    public RememberedStore(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE);
    }

    public Path file() { return file; }

    public Remembered read(Target target) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Remembered.NOTHING;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("ignoring {}: cannot read it ({})", file, e.toString());
            return Remembered.NOTHING;
        }
        String k = key(target);
        return new Remembered(
                valid(p, k + "cluster", t -> !t.isBlank()),
                valid(p, k + "lookback", t -> Lookback.parse(t).isRight()),
                valid(p, k + "stat", t -> Stat.parse(t).isPresent()),
                valid(p, k + "sort", t -> t.matches("[a-z]{1,20}")),
                valid(p, k + "filter", t -> true));
    }

    private Optional<String> valid(Properties p, String key, Predicate<String> ok) {
        String v = p.getProperty(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl) || !ok.test(v)) {
            LOG.warn("ignoring {} in {}: not a value ecs-top writes", key, file);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Replaces what is remembered for {@code target}, keeping the other targets'; a failure is logged, never thrown. */
    public void write(Target target, Remembered view) {
        try {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (NoSuchFileException e) {
                // the first one
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("replacing {}: it could not be read ({})", file, e.toString());
                p.clear();
            }
            String k = key(target);
            put(p, k + "cluster", view.cluster());
            put(p, k + "lookback", view.lookback());
            put(p, k + "stat", view.stat());
            put(p, k + "sort", view.sort());
            put(p, k + "filter", view.filter());
            AtomicFile.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "ecs-top: the view each profile and region was left on; safe to delete");
                w.flush();
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot remember the view in {}: {}", file, e.toString());
        }
    }

    private static void put(Properties p, String key, Optional<String> value) {
        if (value.isPresent()) {
            p.setProperty(key, value.get());
        } else {
            p.remove(key);
        }
    }

    /** "prod@eu-west-1.": profiles and regions never hold '@'. */
    private static String key(Target t) {
        return t.profile() + "@" + t.region() + ".";
    }
}
