package ecstop.cli;

import ecstop.config.ColourMode;
import ecstop.config.Format;
import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * The values shell completion offers for the flags that take a word, read from the same
 * enums and steps the parsers accept, so completion and parsing cannot drift apart.
 */
final class Candidates {
    private Candidates() {}

    /** The steps + and - move through; any other span like 90m or 2w is accepted too. */
    static final class Lookbacks implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Lookback.STEPS.stream().map(Lookback::label).iterator();
        }
    }

    static final class Stats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Stat.values()).map(Stat::key).iterator();
        }
    }

    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static final class Colours implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ColourMode.values()).map(ColourMode::key).iterator();
        }
    }
}
