package ecstop.poll;

import ecstop.domain.FleetNotes;
import ecstop.domain.Pace;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.signal.ScopeSignals;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the poller publishes. Immutable: it crosses from a worker thread to the UI thread.
 * Each read of a refresh ({@link ReadStep}) delivers one of them, only while the screen still
 * asks what it answers: the UI applies them as they come. Each carries {@code session}, the
 * reader's count of every call so far (the cluster list and failed fetches included), as it
 * stood when the event was made.
 */
public sealed interface PollEvent {
    CallStats session();

    /** Every kind of event, each said once: a new kind does not compile until every handler takes it. */
    interface Handler<T> {
        T clustersLoaded(ClustersLoaded e);

        T clustersFailed(ClustersFailed e);

        T snapshotLoaded(SnapshotLoaded e);

        T snapshotFailed(SnapshotFailed e);

        T infoLoaded(InfoLoaded e);

        T signalsLoaded(SignalsLoaded e);

        T rightsizeLoaded(RightsizeLoaded e);

        T serviceRead(ServiceRead e);

        T scopeRead(ScopeRead e);

        T paced(Paced e);
    }

    <T> T handle(Handler<T> h);

    record ClustersLoaded(List<Cluster> clusters, CallStats session) implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.clustersLoaded(this); }

        public ClustersLoaded {
            clusters = List.copyOf(clusters);
        }
    }

    record ClustersFailed(Failure failure, Instant at, CallStats session) implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.clustersFailed(this); }
    }

    /**
     * The bars of the question of {@code generation}; for the fleet with {@code notes}, what they
     * could not show. {@code nextRefresh}: when the next fetch is due; {@code pace}: how often, from now on.
     */
    record SnapshotLoaded(long generation, Snapshot snapshot, Optional<FleetNotes> notes, CallStats session,
                          Instant nextRefresh, Pace pace) implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.snapshotLoaded(this); }
    }

    record SnapshotFailed(long generation, Failure failure, Instant at, CallStats session, Instant nextRefresh, Pace pace)
            implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.snapshotFailed(this); }
    }

    /**
     * Task details of some services of the fleet {@code scope} (its rows on screen), fetched
     * after their bars, and the signals they give.
     */
    record InfoLoaded(long generation, Map<ServiceRef, ServiceInfo> info, Scope scope, ScopeSignals signals,
                      CallStats session) implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.infoLoaded(this); }

        public InfoLoaded {
            info = Map.copyOf(info);
        }
    }

    /**
     * The signals of the services of one cluster {@code scope}, from its task details and stopped
     * tasks, read with the task details. Keyed by scope, not generation: a new lookback does not
     * make them wrong.
     */
    record SignalsLoaded(Scope scope, ScopeSignals signals, CallStats session) implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.signalsLoaded(this); }
    }

    /**
     * The right-sizing table of the same generation's question, or why it could not be built:
     * one cluster's, for the snapshot it sizes; the fleet's, every cluster read on its own.
     */
    record RightsizeLoaded(long generation, Either<Failure, ScopeRightsize> result, CallStats session)
            implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.rightsizeLoaded(this); }
    }

    /**
     * The answer to {@code key} for {@code service}, open when it was asked, or why not: one event
     * for every read of {@link ServiceReads}; the screen keeps it only while that service is still
     * the open one.
     */
    record ServiceRead(long generation, ServiceRef service, ReadKey<?> key, Either<Failure, ?> result, CallStats session)
            implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.serviceRead(this); }
    }

    /** The answer to {@code key} for {@code scope}, or why not: one event for every read of {@link ScopeReads}. */
    record ScopeRead(long generation, Scope scope, ReadKey<?> key, Either<Failure, ?> result, CallStats session)
            implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.scopeRead(this); }
    }

    /** The pace changed between answers (someone left or came back); {@code nextRefresh} as armed now. */
    record Paced(Pace pace, Instant nextRefresh, CallStats session) implements PollEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.paced(this); }
    }
}
