package ecstop.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.config.Notify;
import ecstop.domain.alert.Alert;
import ecstop.domain.alert.Trigger;
import ecstop.testfleet.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierTest {
    private final List<String> written = new ArrayList<>();
    private final List<List<String>> commands = new ArrayList<>();

    private static Alert hot(String service, String detail) {
        return new Alert(Refs.service("prod", service), Trigger.CPU_HOT, detail);
    }

    @Test
    void oneNotificationPerRefreshWithTheBellAndTheTerminalsOwnSequence() {
        new Notifier(written::add, Notify.OSC9, false, commands::add).send(List.of(hot("api", "98.2%"), hot("web", "96.0%")));
        assertThat(written).containsExactly("\u0007\u001b]9;ecs-top: api CPU 98.2%, web CPU 96.0%\u0007");
        assertThat(commands).isEmpty();

        written.clear();
        new Notifier(written::add, Notify.OSC777, false, commands::add).send(List.of(hot("api", "98.2%")));
        assertThat(written).containsExactly("\u0007\u001b]777;notify;ecs-top;api CPU 98.2%\u0007");
    }

    @Test
    void insideTmuxTheMessageGoesThroughDisplayMessageAndTheBellStays() {
        new Notifier(written::add, Notify.OFF, true, commands::add).send(List.of(hot("api", "98.2%")));
        assertThat(written).containsExactly("\u0007");
        assertThat(commands).containsExactly(List.of("tmux", "display-message", "-d", "10000", "ecs-top: api CPU 98.2%"));
    }

    @Test
    void namesFromAwsCannotReachTheTerminalAsEscapes() {
        String body = Notifier.message(List.of(hot("evil\u001b]0;pwned\u0007", "99%"), hot("a;b", "97%"),
                hot("c", "96%"), hot("d", "95%")));
        assertThat(body).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain(";")
                .endsWith("and 1 more");
    }

    @Test
    void nothingFiredSendsNothing() {
        new Notifier(written::add, Notify.OSC9, true, commands::add).send(List.of());
        assertThat(written).isEmpty();
        assertThat(commands).isEmpty();
    }

    @Test
    void autoPicksFromTheEnvironmentAndSendsNoOscToAnUnknownTerminalOrInsideTmux() {
        assertThat(Notify.AUTO.resolve(Map.of("TERM_PROGRAM", "iTerm.app"))).isEqualTo(Notify.OSC9);
        assertThat(Notify.AUTO.resolve(Map.of("TERM", "xterm-kitty"))).isEqualTo(Notify.OSC9);
        assertThat(Notify.AUTO.resolve(Map.of("VTE_VERSION", "7200", "TERM", "xterm-256color"))).isEqualTo(Notify.OSC777);
        assertThat(Notify.AUTO.resolve(Map.of("TERM", "linux"))).isEqualTo(Notify.OFF);
        assertThat(Notify.AUTO.resolve(Map.of("TERM_PROGRAM", "WezTerm", "TMUX", "/tmp/tmux-0/default,1,0")))
                .isEqualTo(Notify.OFF);
        assertThat(Notify.OSC777.resolve(Map.of())).isEqualTo(Notify.OSC777);
    }
}
