package ecstop.domain.timeline;

import ecstop.domain.CallStats;
import ecstop.domain.Lookback;
import ecstop.domain.ServiceRef;
import java.time.Instant;
import java.util.List;

/**
 * What the timeline reads for one service: its series at the chart's period, its markers
 * (those before the window too: a release before it can still be what a run came after),
 * the marker sources that could not be read ({@code warnings}: their markers are missing) and
 * what the reads cost.
 */
public record ServiceTimeline(ServiceRef service, Lookback lookback, Instant now, ServiceSeries series, Markers markers,
                              List<String> warnings, CallStats calls) {
    public ServiceTimeline {
        warnings = List.copyOf(warnings);
    }
}
