package ecstop.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.poll.PollEvent;
import ecstop.poll.PollView;
import ecstop.poll.Poller;
import java.util.Optional;

/**
 * Turns keys and poller events into new States, and tells the poller when the question on
 * screen changed. UI thread only; the terminal loop and the offscreen renderer share it.
 */
public final class Controller {
    /** What the loop should do after an input. */
    public enum Outcome { NOTHING, REDRAW, REPAINT, QUIT }

    private final KeyRegistry keys;
    private final Poller poller;
    private State state;
    private PollView asked;

    public Controller(State initial, KeyRegistry keys, Poller poller) {
        this.state = initial;
        this.keys = keys;
        this.poller = poller;
    }

    public State state() { return state; }

    public KeyRegistry keys() { return keys; }

    /** Tells the poller what is on screen; call once before {@link Poller#start()}. */
    public void syncView() {
        Optional<PollView> v = state.cluster()
                .map(c -> new PollView(c, state.lookback(), state.stat(), state.detailService()));
        if (v.isPresent() && !v.get().equals(asked)) {
            asked = v.get();
            poller.view(asked);
        }
    }

    public void onPoll(PollEvent event) {
        if (event instanceof PollEvent.ClustersLoaded e) {
            state = state.withClusters(e.clusters());
        } else if (event instanceof PollEvent.ClustersFailed e) {
            state = state.withClustersFailure(e.failure());
        } else if (event instanceof PollEvent.SnapshotLoaded e) {
            state = state.withSnapshot(e.snapshot(), e.nextRefresh());
        } else if (event instanceof PollEvent.SnapshotFailed e) {
            state = state.withFailure(e.failure(), e.at(), e.nextRefresh());
        }
        state = state.withSession(event.session());
        syncView();
    }

    public void setPageRows(int rows) {
        state = state.withPageRows(rows);
    }

    public Outcome onKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            return Outcome.QUIT;
        }
        if (state.filtering() && editFilter(key)) {
            syncView();
            return Outcome.REDRAW;
        }
        Optional<Action> action = keys.lookup(key);
        if (state.helpVisible() && action.filter(a -> a == Action.QUIT || a == Action.REPAINT).isEmpty()) {
            // any other key just closes the help
            state = state.toggleHelp();
            return Outcome.REDRAW;
        }
        if (action.isEmpty()) {
            return Outcome.NOTHING;
        }
        Outcome out = apply(action.get());
        syncView();
        return out;
    }

    /** While typing a filter, characters go into it; true when the key was used. */
    private boolean editFilter(KeyStroke key) {
        switch (key.getKeyType()) {
            case Character -> {
                if (key.isCtrlDown() || key.isAltDown()) {
                    return false;
                }
                state = state.typeFilter(key.getCharacter());
                return true;
            }
            case Backspace -> {
                state = state.eraseFilter();
                return true;
            }
            case Enter -> {
                state = state.keepFilter();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private Outcome apply(Action a) {
        State before = state;
        state = switch (a) {
            case UP -> state.moveBy(-1);
            case DOWN -> state.moveBy(1);
            case FIRST -> state.first();
            case LAST -> state.last();
            case PAGE_UP -> state.pageUp();
            case PAGE_DOWN -> state.pageDown();
            case NEXT_PANE -> state.nextPane();
            case PREVIOUS_PANE -> state.prevPane();
            case ENTER -> state.enter();
            case BACK -> state.back();
            case FILTER -> state.startFilter();
            case SORT -> state.cycleSort();
            case LONGER -> state.longer();
            case SHORTER -> state.shorter();
            case STAT -> state.toggleStat();
            case HELP -> state.toggleHelp();
            case REFRESH, REPAINT, QUIT -> state;
        };
        return switch (a) {
            case QUIT -> Outcome.QUIT;
            case REPAINT -> Outcome.REPAINT;
            case REFRESH -> {
                poller.refreshNow();
                yield Outcome.REDRAW;
            }
            default -> state == before ? Outcome.NOTHING : Outcome.REDRAW;
        };
    }
}
