package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.ServiceRef;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's deployment-then-OOM story in the detail, as {@code ecs-top --demo} shows it with
 * the clock pinned in the last hours of the leak (see TimelineOnceTest): storage-prod_file-finder's
 * memory has been at 80% or more since about 18:00, 42 hours after its release, and the
 * answer line above its chart says so and names that deployment.
 */
class TimelineStoryScreenTest {
    static final Instant HOT = Instant.parse("2026-11-19T19:30:56Z");
    static final Clock CLOCK = Clock.fixed(HOT, ZoneOffset.UTC);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(HOT);

    @Test
    void theFileFindersAnswerLineNamesTheDeploymentItsLeakCameWith() {
        AwsFleetReader reader = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), CLOCK));
        Headless h = Headless.open(reader, UiOptions.defaults().withClock(CLOCK).withHeader("demo · us-east-1")
                .withCluster("storage-prod"), new TerminalSize(200, 50)).settle();
        for (int i = 0; i < 20 && !h.selectedService().map(ServiceRef::name).orElse("").equals(TimelineScreenGoldenTest.SERVICE); i++) {
            h.type("j");
        }
        h.press(KeyType.Enter);

        String answer = java.util.Arrays.stream(h.text().split("\n")).filter(l -> l.contains("memory ≥ 80%")).findFirst()
                .orElseThrow(() -> new AssertionError("no answer line in\n" + h.text()));
        assertThat(answer).containsPattern("│ memory ≥ 80% since 1[78]:\\d\\d \\(\\d+h( \\d+m)?\\), 1d 1\\dh after the deployment of :\\d+");
        // the deployment itself is on the chart, before the window: the answer names it, the axis does not show it
        assertThat(h.text()).contains("100%┤");
    }
}
