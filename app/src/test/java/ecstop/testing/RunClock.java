package ecstop.testing;

import ecstop.config.WallClock;
import java.util.Map;

/**
 * The clock matrix's moment, carried into a child process whose environment a test cleans
 * (the tmux panes, the packaged app, the child JVMs): without it the child reads today while
 * this JVM's emulator serves another day, which no user can ever see.
 */
public final class RunClock {
    private RunClock() {}

    /** {@code env} with this run's clock offset added, when there is one; returned for chaining. */
    public static Map<String, String> carried(Map<String, String> env) {
        String offset = System.getenv(WallClock.OFFSET_VARIABLE);
        if (offset != null) {
            env.put(WallClock.OFFSET_VARIABLE, offset);
        }
        return env;
    }
}
