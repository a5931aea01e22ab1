package ecstop.cli;

import ecstop.domain.CallStats;
import ecstop.domain.Snapshot;
import ecstop.domain.signal.ClusterSignals;

/**
 * What one {@code --once} run prints: the snapshot's figures, the services' signals and
 * every call it took (the snapshot's and the stopped tasks').
 */
record OnceReport(Snapshot snapshot, ClusterSignals signals, CallStats stats) {
    /** Figures only: no signals were read. */
    static OnceReport of(Snapshot s) {
        return new OnceReport(s, ClusterSignals.NONE, s.stats());
    }

    boolean signalsRead() {
        return signals != ClusterSignals.NONE;
    }
}
