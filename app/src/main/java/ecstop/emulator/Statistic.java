package ecstop.emulator;

import java.util.Optional;

/** The five standard CloudWatch statistics, by their wire names. */
enum Statistic {
    SAMPLE_COUNT("SampleCount"),
    AVERAGE("Average"),
    SUM("Sum"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum");

    final String wireName;

    Statistic(String wireName) {
        this.wireName = wireName;
    }

    static Optional<Statistic> parse(String name) {
        for (Statistic s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
