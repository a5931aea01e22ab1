package ecstop.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The statistic behind a bar. For a service metric, Maximum is the most loaded task and
 * Average is the mean across tasks, so "max" is what finds the starved service.
 */
public enum Stat {
    MAX("Maximum", "max", "peak"),
    AVG("Average", "avg", "average");

    private final String cloudWatchName;
    private final String key;
    private final String label;

    Stat(String cloudWatchName, String key, String label) {
        this.cloudWatchName = cloudWatchName;
        this.key = key;
        this.label = label;
    }

    public String cloudWatchName() { return cloudWatchName; }

    /** The word used on the command line and in the config file. */
    public String key() { return key; }

    /** The word shown in panel titles: "peak 24h", "average 24h". */
    public String label() { return label; }

    public Stat other() { return this == MAX ? AVG : MAX; }

    public static Optional<Stat> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Stat s : values()) {
            if (s.key.equals(t) || s.label.equals(t) || s.cloudWatchName.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
