package ecstop.domain.signal;

import static ecstop.domain.signal.Fixtures.NOW;
import static ecstop.domain.signal.Fixtures.oomKilled;
import static ecstop.domain.signal.Fixtures.steadyService;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSignalsTest {
    static final ClusterRef PROD = new ClusterRef(Target.of("default", "eu-west-1"), "prod");

    static StoppedTask in(String group, StoppedTask t) {
        return new StoppedTask(t.taskArn(), group, t.lastStatus(), t.stopCode(), t.stoppedReason(), t.stoppedAt(), t.containers());
    }

    @Test
    void stoppedTasksGoToTheirServiceAndTasksOfNoServiceOrAnUnlistedOneAreLeftOut() {
        StoppedTasks stopped = new StoppedTasks(PROD, NOW, List.of(
                oomKilled("a", 3), in("family:nightly-report", oomKilled("b", 4)), in("service:deleted", oomKilled("c", 5)),
                in("", oomKilled("d", 6)), in("service:", oomKilled("e", 7))), CallStats.NONE);

        ClusterSignals s = ClusterSignals.detect(List.of("web", "api"), Map.of("web", steadyService()), Either.right(stopped), NOW,
                SignalRules.DEFAULT);

        assertThat(s.byService()).containsOnlyKeys("web", "api");
        assertThat(s.of("web")).extracting(Signal::kind).containsExactly(SignalKind.OOM);
        assertThat(s.of("web").get(0).count()).isEqualTo(1);
        assertThat(s.of("api")).isEmpty();
        assertThat(s.of("deleted")).isEmpty();
        assertThat(s.stoppedTasksUnavailable()).isEmpty();
        assertThat(s.stoppedTasksFrom()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(s.worst("web")).contains(Severity.WARN);
        assertThat(s.worst("api")).isEmpty();
    }

    @Test
    void whenStoppedTasksCannotBeReadTheReasonIsKeptAndTheOtherSignalsStay() {
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", "");

        ClusterSignals s = ClusterSignals.detect(List.of("web"),
                Map.of("web", Fixtures.service(2, 0, 2, List.of(Fixtures.completed()))), Either.left(denied), NOW, SignalRules.DEFAULT);

        assertThat(s.stoppedTasksUnavailable()).contains(denied);
        assertThat(s.stoppedTasksFrom()).isEmpty();
        assertThat(s.of("web")).extracting(Signal::kind).containsExactly(SignalKind.SHORT);
    }

    @Test
    void tenThousandStoppedTasksOfAHundredServices() {
        List<StoppedTask> tasks = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            services.add("svc-" + i);
        }
        for (int i = 0; i < 10_000; i++) {
            tasks.add(in("service:svc-" + (i % 100), oomKilled("t" + i, i % 59)));
        }

        ClusterSignals s = ClusterSignals.detect(services, Map.of(),
                Either.right(new StoppedTasks(PROD, NOW, tasks, CallStats.NONE)), NOW, SignalRules.DEFAULT);

        assertThat(services).allSatisfy(n -> {
            Signal oom = s.of(n).get(0);
            assertThat(oom.count()).isEqualTo(100);
            assertThat(oom.evidence()).hasSize(Detect.MAX_EVIDENCE);
        });
    }

    @Test
    void noneIsEmpty() {
        assertThat(ClusterSignals.NONE.of("web")).isEmpty();
        assertThat(ClusterSignals.NONE.stoppedTasksUnavailable()).isEqualTo(Optional.empty());
    }
}
