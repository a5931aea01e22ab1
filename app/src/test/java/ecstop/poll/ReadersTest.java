package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetReader;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.Periods;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.testfleet.FakeFleet;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The targets of a fleet are asked at once, not one after another: each call waits (a while
 * at most) for the other target's to start too, and the test counts how many were ever under
 * way together. Counted, not timed.
 */
class ReadersTest {
    private static final Target EAST = Target.of("prod", "us-east-1");
    private static final Target WEST = Target.of("prod", "eu-west-1");
    private final CyclicBarrier bothStarted = new CyclicBarrier(2);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** A region whose every call waits for the other region's to be under way, then answers. */
    private final class Region implements FleetReader {
        private final Target target;
        private final boolean throwing;

        Region(Target target, boolean throwing) {
            this.target = target;
            this.throwing = throwing;
        }

        private void call() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                bothStarted.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // asked alone: the count says so
            } finally {
                running.decrementAndGet();
            }
            if (throwing) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public Target target() { return target; }

        @Override
        public Either<Failure, List<Cluster>> clusters() {
            call();
            return Either.right(List.of(Cluster.named(new ClusterRef(target, "c"), "arn")));
        }

        @Override
        public Either<Failure, ecstop.domain.Snapshot> snapshot(ecstop.domain.SnapshotRequest r) {
            throw new UnsupportedOperationException("the fleet's targets are read, not one cluster");
        }

        @Override
        public Either<Failure, FleetSnapshot> fleet(FleetRequest r) {
            call();
            return Either.right(new FleetSnapshot(target, r.lookback(), r.stat(), Periods.window(r.lookback(), r.now()), r.now(),
                    List.of(), FleetSnapshot.Source.METRICS_INSIGHTS, FleetLimits.NONE, CallStats.NONE));
        }

        @Override
        public Either<Failure, Map<ServiceRef, ServiceInfo>> serviceInfo(Collection<ServiceRef> services) {
            call();
            return Either.right(Map.of());
        }
    }

    private Readers twoRegions(boolean westThrows) {
        Map<Target, FleetReader> both = new LinkedHashMap<>();
        both.put(EAST, new Region(EAST, false));
        both.put(WEST, new Region(WEST, westThrows));
        return Readers.of(both, false);
    }

    @Test
    void theFleetsTwoRegionsAreAskedAtOnce() {
        Readers readers = twoRegions(false);
        assertThat(readers.fleet(new Scope.Fleet(List.of(EAST, WEST)), Lookback.hours(24), Stat.MAX, FakeFleet.NOW).get()
                .notes().failed()).isEmpty();
        assertThat(mostAtOnce).hasValue(2);
    }

    @Test
    void theClusterListsOfTwoRegionsAreAskedAtOnce() {
        assertThat(twoRegions(false).clusters().get()).hasSize(2);
        assertThat(mostAtOnce).hasValue(2);
    }

    @Test
    void theTaskDetailsOfTwoRegionsAreAskedAtOnce() {
        twoRegions(false).serviceInfo(List.of(new ServiceRef(new ClusterRef(EAST, "c"), "a"),
                new ServiceRef(new ClusterRef(WEST, "c"), "b")));
        assertThat(mostAtOnce).hasValue(2);
    }

    @Test
    void aRegionThatThrowsIsItsOwnFailureBesideTheOther() {
        Either<Failure, Readers.FleetAnswer> fleet = twoRegions(true).fleet(new Scope.Fleet(List.of(EAST, WEST)),
                Lookback.hours(24), Stat.MAX, FakeFleet.NOW);
        assertThat(fleet.get().notes().failed()).containsOnlyKeys(WEST);
        assertThat(fleet.get().notes().failed().get(WEST).line()).contains("boom");
    }
}
