package ecstop.ui.state;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import java.time.Instant;
import java.util.Optional;

/**
 * How fetching is going: the last failed refresh (cleared by the next good one), why the
 * cluster list could not be read, what the session's calls have cost, and when the next
 * refresh is due.
 */
public record Health(Optional<Fault> lastError, Optional<Failure> clustersError, CallStats session,
                     Optional<Instant> nextRefresh) {
    static final Health START = new Health(Optional.empty(), Optional.empty(), CallStats.NONE, Optional.empty());

    Health withLastError(Optional<Fault> f) { return new Health(f, clustersError, session, nextRefresh); }

    Health withClustersError(Optional<Failure> f) { return new Health(lastError, f, session, nextRefresh); }

    Health withSession(CallStats s) { return new Health(lastError, clustersError, s, nextRefresh); }

    Health withNextRefresh(Optional<Instant> t) { return new Health(lastError, clustersError, session, t); }
}
