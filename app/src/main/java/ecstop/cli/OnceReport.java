package ecstop.cli;

import ecstop.domain.CallStats;
import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import ecstop.domain.signal.ClusterSignals;
import java.util.HashMap;
import java.util.Map;

/**
 * What one {@code --once} run prints: the snapshot's figures, the services' signals and
 * every call it took (the snapshot's and the stopped tasks').
 */
record OnceReport(Snapshot snapshot, ClusterSignals signals, CallStats stats) {
    /** Figures only: no signals were read. */
    static OnceReport of(Snapshot s) {
        return new OnceReport(s, ClusterSignals.NONE, s.stats());
    }

    /** A one-cluster snapshot's service info by service name, as the signals of one cluster are keyed. */
    static Map<String, ServiceInfo> infoByName(Snapshot s) {
        Map<String, ServiceInfo> out = new HashMap<>();
        s.info().ifPresent(byRef -> byRef.forEach((ref, i) -> out.put(ref.name(), i)));
        return out;
    }

    boolean signalsRead() {
        return signals != ClusterSignals.NONE;
    }
}
