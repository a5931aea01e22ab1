package ecstop.ui.terminal;

/**
 * Frames and leaving the screen take turns on one monitor. A frame is drawn holding it and only
 * while the gate is open; leaving the alternate screen closes it, holding it too, so it waits for
 * a frame in progress and no frame starts after. Lanterna's own shutdown hook ("Lanterna STTY
 * restore") leaves the screen on SIGTERM beside ecs-top's, on a thread of its own: a frame it did
 * not wait for lands on the user's shell (the clock matrix and a stress run of the SIGTERM test
 * caught one each).
 */
final class FrameGate {
    private boolean closed;

    /** Whether a frame may be drawn; call holding this gate's monitor. */
    boolean open() {
        return !closed;
    }

    /** No frame after this; call holding this gate's monitor. */
    void close() {
        closed = true;
    }
}
