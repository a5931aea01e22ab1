package ecstop.ui.terminal;

import ecstop.config.Notify;
import ecstop.domain.alert.Alert;
import ecstop.ui.widget.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the alerts that fired in one refresh as one notification: the terminal bell, an
 * OSC 9 or OSC 777 desktop notification when the terminal takes one, and inside tmux a
 * {@code tmux display-message}, run as a process on a background thread so the UI thread
 * never waits for it. Service names come from AWS: control characters are taken out
 * before anything reaches the terminal.
 */
final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String BEL = "\u0007";
    /** How long tmux shows the message, in milliseconds (its default is under a second). */
    static final String TMUX_SHOW_MS = "10000";
    private static final int MAX_NAMED = 3;
    private static final int MAX_CHARS = 200;

    private final Consumer<String> terminal;
    private final Notify desktop;
    private final boolean tmux;
    private final Consumer<List<String>> run;

    /**
     * @param terminal writes escape sequences to the terminal, unfiltered (UI thread)
     * @param desktop  the resolved desktop channel (not AUTO)
     * @param tmux     inside tmux ($TMUX set)
     * @param run      starts a command without waiting for it
     */
    Notifier(Consumer<String> terminal, Notify desktop, boolean tmux, Consumer<List<String>> run) {
        this.terminal = terminal;
        this.desktop = desktop;
        this.tmux = tmux;
        this.run = run;
    }

    /** Runs commands on {@code background}, logging a failure once per kind rather than on every alert. */
    static Consumer<List<String>> processes(Executor background) {
        return command -> background.execute(() -> {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                int status = p.waitFor();
                if (status != 0) {
                    LOG.warn("{} exited {}", command.get(0), status);
                }
            } catch (java.io.IOException e) {
                LOG.warn("cannot run {}: {}", command.get(0), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void send(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        String body = message(alerts);
        LOG.info("alert: {}", body);
        StringBuilder out = new StringBuilder(BEL);
        switch (desktop) {
            case OSC9 -> out.append("\u001b]9;ecs-top: ").append(body).append(BEL);
            case OSC777 -> out.append("\u001b]777;notify;ecs-top;").append(body).append(BEL);
            default -> { }
        }
        terminal.accept(out.toString());
        if (tmux) {
            run.accept(List.of("tmux", "display-message", "-d", TMUX_SHOW_MS, "ecs-top: " + body.replace("#", "##")));
        }
    }

    /** "replicator CPU 98.2%, bags-api memory 96.0% and 2 more", safe for any terminal. */
    static String message(List<Alert> alerts) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_NAMED, alerts.size()); i++) {
            named.add(alerts.get(i).line());
        }
        String text = String.join(", ", named) + (alerts.size() > MAX_NAMED ? " and " + (alerts.size() - MAX_NAMED) + " more" : "");
        StringBuilder safe = new StringBuilder();
        Text.sanitize(text).codePoints().filter(c -> !Character.isISOControl(c)).map(c -> c == ';' ? ',' : c)
                .limit(MAX_CHARS).forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
