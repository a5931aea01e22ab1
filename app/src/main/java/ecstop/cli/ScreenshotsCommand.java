package ecstop.cli;

import ecstop.aws.AwsFleetReader;
import ecstop.config.ColourMode;
import ecstop.emulator.Accounts;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.ui.screenshot.Screenshots;
import ecstop.ui.terminal.UiOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-top screenshots [DIR]}: regenerates the README's screenshots. The demo fleet
 * with a fixed seed, served by the emulator on a fixed clock and read through the real SDK
 * clients, so the same build always draws the same pictures. Hidden from the main help: it
 * is for whoever maintains the README.
 */
@Command(name = "screenshots", hidden = true, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Regenerate the README's screenshots from the demo fleet (seed 42) at 2026-11-20 14:17 UTC "
                + "in true colour: NAME.svg and NAME.png for main, detail, help, narrow and catalogue.")
final class ScreenshotsCommand implements Callable<Integer> {
    static final Instant AT = Instant.parse("2026-11-20T14:17:00Z");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "screenshots", paramLabel = "DIR",
            description = "Where to write them (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        // Java2D draws the PNGs; there is no display to open
        System.setProperty("java.awt.headless", "true");
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        // the demo's accounts: the tasks scene opens checkout-eu, in eu-west-1
        EmulatorConfig config = EmulatorConfig.builder()
                .accounts(Accounts.demo(EmulatorConfig.DEFAULT_SEED, Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false))
                .clock(clock)
                .build();
        UiOptions options = UiOptions.defaults()
                .withClock(clock)
                .withColour(ColourMode.TRUECOLOR)
                .withHeader("demo");
        try (Emulator emulator = Emulator.start(config)) {
            PrintWriter out = spec.commandLine().getOut();
            for (Path file : Screenshots.write(
                    region -> AwsFleetReader.forEndpoint(emulator.endpoint(), region, clock), options, dir)) {
                out.println(file);
            }
            out.flush();
        }
        return ExitCode.OK;
    }
}
