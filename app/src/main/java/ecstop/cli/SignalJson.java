package ecstop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.Evidence;
import ecstop.domain.signal.Horizon;
import ecstop.domain.signal.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signals as JSON: stable keys, times in ISO 8601 UTC, null for what is not known. */
final class SignalJson {
    private SignalJson() {}

    static void signals(ArrayNode out, List<Signal> signals) {
        for (Signal s : signals) {
            ObjectNode o = out.addObject();
            o.put("kind", s.kind().key());
            o.put("severity", s.severity().key());
            time(o, "at", s.at());
            o.put("ongoing", s.ongoing());
            o.put("count", s.count());
            o.put("summary", s.summary());
            ObjectNode h = o.putObject("horizon");
            h.put("source", s.horizon().source().key());
            time(h, "from", s.horizon().from());
            h.put("description", s.horizon().describe());
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : s.evidence()) {
                ObjectNode x = ev.addObject();
                time(x, "at", e.at());
                x.put("message", e.message());
            }
        }
    }

    static void sources(ObjectNode out, ClusterSignals signals) {
        ObjectNode stopped = out.putObject("stoppedTasks");
        stopped.put("horizon", Horizon.Source.STOPPED_TASKS.label());
        time(stopped, "from", signals.stoppedTasksFrom());
        if (signals.stoppedTasksUnavailable().isPresent()) {
            stopped.put("unavailable", signals.stoppedTasksUnavailable().get().line());
        } else {
            stopped.putNull("unavailable");
        }
        out.putObject("serviceEvents").put("horizon", "up to 24h of the events DescribeServices returns (at most 100 a service)");
    }

    private static void time(ObjectNode o, String key, Optional<Instant> t) {
        if (t.isPresent()) {
            o.put(key, t.get().toString());
        } else {
            o.putNull(key);
        }
    }
}
