package ecstop.ui.state;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.Pace;
import java.time.Instant;
import java.util.Optional;

/**
 * How fetching is going: the last failed refresh (cleared by the next good one), why the
 * cluster list could not be read, what the session's calls have cost, when the next
 * refresh is due, the pace (how often, why, at what cost a day) once the poller has
 * said, and whether the bars on screen are still the last session's.
 */
public record Health(Optional<Fault> lastError, Optional<Failure> clustersError, CallStats session,
                     Optional<Instant> nextRefresh, Optional<Pace> pace, boolean lastSession) {
    static final Health START = new Health(Optional.empty(), Optional.empty(), CallStats.NONE, Optional.empty(),
            Optional.empty(), false);

    Health withLastError(Optional<Fault> f) { return new Health(f, clustersError, session, nextRefresh, pace, lastSession); }

    Health withClustersError(Optional<Failure> f) { return new Health(lastError, f, session, nextRefresh, pace, lastSession); }

    Health withSession(CallStats s) { return new Health(lastError, clustersError, s, nextRefresh, pace, lastSession); }

    Health withNextRefresh(Optional<Instant> t) { return new Health(lastError, clustersError, session, t, pace, lastSession); }

    Health withPace(Optional<Pace> p) { return new Health(lastError, clustersError, session, nextRefresh, p, lastSession); }

    Health withLastSession(boolean on) { return new Health(lastError, clustersError, session, nextRefresh, pace, on); }
}
