package ecstop.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session was looking at when it ended, for the next one on the same profile and
 * region: the cluster, lookback and statistic (as the config file writes them) and the sort
 * and filter of the panels (as the panels name them). Empty parts were not known.
 */
public record Remembered(Optional<String> cluster, Optional<String> lookback, Optional<String> stat,
                         Optional<String> sort, Optional<String> filter) {
    public static final Remembered NOTHING = new Remembered(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public Remembered {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(filter, "filter");
    }

    /** The parts that are settings, by config key, as the layer under the config file. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        cluster.ifPresent(c -> m.put("cluster", c));
        lookback.ifPresent(l -> m.put("lookback", l));
        stat.ifPresent(s -> m.put("stat", s));
        return m;
    }
}
