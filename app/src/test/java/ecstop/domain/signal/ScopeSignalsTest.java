package ecstop.domain.signal;

import static ecstop.domain.signal.Fixtures.NOW;
import static ecstop.domain.signal.Fixtures.event;
import static ecstop.domain.signal.Fixtures.oomKilled;
import static ecstop.domain.signal.Fixtures.service;
import static ecstop.domain.signal.Fixtures.steadyService;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.ServiceRef;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signals of what is on screen, keyed by service and cluster, and how later reads add to them. */
class ScopeSignalsTest {
    private static final ClusterRef PROD = new ClusterRef(Target.of("default", "eu-west-1"), "prod");
    private static final ClusterRef DEV = new ClusterRef(Target.of("dev", "eu-west-1"), "prod");
    private static final ServiceRef WEB = new ServiceRef(PROD, "web");
    private static final ServiceRef API = new ServiceRef(PROD, "api");

    private static StoppedTasks stopped(StoppedTask... tasks) {
        return new StoppedTasks(PROD, NOW, List.of(tasks), CallStats.NONE);
    }

    @Test
    void oneClustersSignalsAreKeyedByItsServicesAndSayHowFarBackStoppedTasksWent() {
        ClusterSignals found = ClusterSignals.detect(List.of("web", "api"), Map.of("web", steadyService()),
                Either.right(stopped(oomKilled("a", 5), oomKilled("b", 15))), NOW, SignalRules.DEFAULT);
        ScopeSignals s = ScopeSignals.of(PROD, found);
        assertThat(s.of(WEB)).extracting(Signal::kind).containsExactly(SignalKind.OOM);
        assertThat(s.read(API)).isTrue();
        assertThat(s.of(API)).isEmpty();
        assertThat(s.read(new ServiceRef(DEV, "web"))).as("same name, another target").isFalse();
        assertThat(s.worst(WEB)).contains(Severity.WARN);
        assertThat(s.worst(API)).isEmpty();
        assertThat(s.stoppedTasksFrom()).contains(NOW.minus(StoppedTasks.RETENTION));
        assertThat(s.stoppedTasksUnavailable()).isEmpty();
        assertThat(s.most()).isEqualTo(1);
    }

    @Test
    void deniedStoppedTasksLeaveTheEventSignalsAndSayWhy() {
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", "");
        ScopeSignals s = ScopeSignals.of(PROD, ClusterSignals.detect(List.of("web"),
                Map.of("web", service(3, 1, 2, List.of(Fixtures.completed()),
                        event(20, "(service web) was unable to place a task because no container instance met all of its"
                                + " requirements. The closest matching container-instance abc has insufficient memory available."))),
                Either.left(denied), NOW, SignalRules.DEFAULT));
        assertThat(s.of(WEB)).extracting(Signal::kind).containsExactlyInAnyOrder(SignalKind.PLACEMENT, SignalKind.SHORT);
        assertThat(s.stoppedTasksUnavailable()).contains(denied);
        assertThat(s.stoppedTasksFrom()).isEmpty();
        assertThat(s.most()).isEqualTo(2);
    }

    @Test
    void fromTaskDetailsAloneNothingIsClaimedAboutStoppedTasks() {
        ScopeSignals s = ScopeSignals.fromInfo(Map.of(WEB, service(4, 1, 0, List.of(Fixtures.completed()))), NOW,
                SignalRules.DEFAULT);
        assertThat(s.of(WEB)).extracting(Signal::kind).containsExactly(SignalKind.SHORT);
        assertThat(s.stoppedTasksFrom()).isEmpty();
        assertThat(s.stoppedTasksUnavailable()).isEmpty();
        assertThat(s.read(API)).isFalse();
    }

    @Test
    void laterReadsReplaceTheServicesTheyLookedAtAndKeepTheRest() {
        ScopeSignals first = ScopeSignals.of(PROD, ClusterSignals.detect(List.of("web", "api"), Map.of(),
                Either.right(stopped(oomKilled("a", 5))), NOW, SignalRules.DEFAULT));
        ScopeSignals later = ScopeSignals.fromInfo(Map.of(API, service(4, 1, 0, List.of(Fixtures.completed()))), NOW,
                SignalRules.DEFAULT);
        ScopeSignals both = first.plus(later);
        assertThat(both.of(WEB)).extracting(Signal::kind).containsExactly(SignalKind.OOM);
        assertThat(both.of(API)).extracting(Signal::kind).containsExactly(SignalKind.SHORT);
        assertThat(both.stoppedTasksFrom()).as("the later read did not try stopped tasks").isPresent();

        Failure throttled = new Failure(Failure.Kind.THROTTLED, "ecs:ListTasks", "");
        ScopeSignals failedLater = both.plus(ScopeSignals.of(PROD, ClusterSignals.detect(List.of("web"), Map.of(),
                Either.left(throttled), NOW, SignalRules.DEFAULT)));
        assertThat(failedLater.stoppedTasksUnavailable()).contains(throttled);
        assertThat(failedLater.stoppedTasksFrom()).isEmpty();
        assertThat(failedLater.of(WEB)).as("no stopped tasks this time: no OOM").isEmpty();
    }

    @Test
    void noneHasNothing() {
        assertThat(ScopeSignals.NONE.byService()).isEmpty();
        assertThat(ScopeSignals.NONE.most()).isZero();
        assertThat(ScopeSignals.NONE.read(WEB)).isFalse();
    }
}
