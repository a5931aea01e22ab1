package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import java.util.Optional;

/** What the screen shows, as far as fetching cares: a new cluster, lookback or stat is a new question. */
public record PollView(String cluster, Lookback lookback, Stat stat, Optional<String> detailService) {
    /** Same cluster, lookback and stat: an answer to one is an answer to the other. */
    public boolean sameQuestion(PollView other) {
        return other != null && cluster.equals(other.cluster) && lookback.equals(other.lookback) && stat == other.stat;
    }
}
