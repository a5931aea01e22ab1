package ecstop.ui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import ecstop.ui.view.PaneRegistry;
import ecstop.config.Remembered;
import ecstop.domain.ClusterRef;
import ecstop.domain.ReadKey;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.Target;
import ecstop.poll.Readers;
import java.util.HashSet;
import java.util.List;
import ecstop.domain.Scope;
import ecstop.domain.alert.Alert;
import ecstop.poll.PollEvent;
import ecstop.poll.PollView;
import ecstop.poll.Poller;
import ecstop.ui.action.Action;
import ecstop.ui.action.Keymap;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.RowsAhead;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.ui.state.CursorMoves;
import ecstop.ui.state.Detail;
import ecstop.ui.state.OpenServiceSteps;
import ecstop.ui.state.ScreenSize;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The application wired once, for the terminal loop and for {@link Headless} alike: keys and
 * poller events become new States, the poller is told when the question on screen changed
 * and when someone is looking (keys, focus reports), services that newly crossed their hot
 * threshold or started being OOM-killed or unplaceable (as the {@link AlertReader} found where
 * the answer arrived) are sent to the {@link Notifier}, and the frame paints the State. UI
 * thread only, but for the alert reader.
 */
public final class App {
    /** What the loop should do after an event. */
    public enum Outcome { NOTHING, REDRAW, REPAINT, QUIT }

    /** How long the quiet key silences alerts. */
    static final Duration QUIET_FOR = Duration.ofHours(1);

    private final Keymap keys;
    /** Filter mode's: while a filter is typed, characters go into it. */
    private final Keymap filterKeys;
    private final Presenter presenter;
    private final PaneRegistry panes;
    private final Poller poller;
    private final Frame frame;
    private final RightsizeRule rule;
    private final Notifier notifier;
    private final Clock clock;
    private State state;
    private PollView asked;
    /** The State as the last event left it, for the poller's threads to prepare a snapshot's rows against. */
    private volatile State published;

    /** {@code poller}: builds the poller given where its events go (the caller posts them to this thread). */
    App(Readers readers, UiOptions options, TickScreen screen, Function<Consumer<PollEvent>, Poller> poller,
        Consumer<UiEvent> post, Notifier notifier) throws IOException {
        this.rule = options.rightsize();
        this.presenter = new Presenter(Glyphs.of(options.ascii()), options.thresholds());
        this.panes = PaneRegistry.standard(presenter, options.clock().getZone());
        this.keys = panes.keymap(options.ascii());
        this.filterKeys = keys.filtering();
        AlertReader alerts = new AlertReader(options.thresholds());
        this.poller = poller.apply(e -> post.accept(new UiEvent.Polled(e, alerts.read(e), rowsAhead(e))));
        this.frame = new Frame(screen, keys, presenter, panes, options);
        this.notifier = notifier;
        this.clock = options.clock();
        List<Target> targets = readers.targets();
        // a named cluster is in the first target; several targets open on their fleet at once
        Optional<Scope> scope = options.cluster().<Scope>map(name -> Scope.of(new ClusterRef(targets.get(0), name)))
                .or(() -> targets.size() > 1 ? Optional.of(new Scope.Fleet(targets)) : Optional.empty());
        this.state = State.initial(scope, options.lookback(), options.stat(), frame.size()).withTargets(targets)
                .restored(options.sort(), options.filter()).withAlerts(options.alerts());
        // the last session's bars, marked with their age, until the first fetch returns
        options.lastSeen().ifPresent(snap -> state = state.withLastSession(snap));
        published = state;
    }

    /** Asks for the first data and paints the first frame, before any has come. */
    void start() throws IOException {
        syncView();
        poller.start();
        draw(false);
    }

    public State state() { return state; }

    /** The view to remember for the next session on this profile and region. */
    public Remembered remembered() {
        return new Remembered(state.cluster().map(ClusterRef::name), Optional.of(state.question().lookback().label()),
                Optional.of(state.question().stat().key()), Optional.of(state.nav().sort().label()),
                Optional.of(state.nav().filter().text()).filter(f -> !f.isEmpty()));
    }

    /** The view, and the bars of one cluster as last fetched (not the last session's, shown until the first fetch). */
    public LeftOn leftOn() {
        return new LeftOn(remembered(), state.fleet().snapshot().filter(snap -> snap.scope() instanceof Scope.One
                && !state.health().lastSession()));
    }

    public Keymap keys() { return keys; }

    public Presenter presenter() { return presenter; }

    /** The panes: what the keys move through is {@code panes().listing(state())}. */
    public PaneRegistry panes() { return panes; }

    public Poller poller() { return poller; }

    Outcome handle(UiEvent event) {
        Outcome o = event.handle(events);
        published = state;
        return o;
    }

    /** {@code s} with the snapshot {@code e} brought on screen (or dropped, when it answers another question). */
    private static State showing(State s, PollEvent.SnapshotLoaded e) {
        State noted = e.notes().map(s::withFleetNotes).orElse(s);
        return noted.withSnapshot(e.snapshot(), e.nextRefresh()).withPace(e.pace(), e.nextRefresh());
    }

    /** On the poller's thread: a snapshot's rows, sorted for the State it will make of the last one published. */
    private Optional<RowsAhead> rowsAhead(PollEvent event) {
        State now = published;
        return event instanceof PollEvent.SnapshotLoaded e && now != null ? presenter.ahead(showing(now, e)) : Optional.empty();
    }

    /** Every kind of event, each said once: a new one does not compile until it is here. */
    private final UiEvent.Handler<Outcome> events = new UiEvent.Handler<>() {
        @Override
        public Outcome key(KeyStroke stroke) { return onKey(stroke); }

        @Override
        public Outcome focus(boolean in) {
            // the poller answers with a pace event when this changes how often it refreshes
            poller.focus(in);
            return Outcome.NOTHING;
        }

        @Override
        public Outcome polled(PollEvent event, List<Alert> fired, Optional<RowsAhead> rows) {
            rows.ifPresent(presenter::adopt);
            onPoll(event);
            // a snapshot the State dropped (it answers a question no longer on screen) sounds nothing
            if (!(event instanceof PollEvent.SnapshotLoaded e)
                    || state.fleet().snapshot().filter(shown -> shown == e.snapshot()).isPresent()) {
                sound(fired);
            }
            return Outcome.REDRAW;
        }

        @Override
        public Outcome resized() { return Outcome.REDRAW; }

        @Override
        public Outcome quit() { return Outcome.QUIT; }
    };

    /** What each answer of the poller makes of the State on screen. */
    private final PollEvent.Handler<State> applying = new PollEvent.Handler<>() {
        @Override
        public State clustersLoaded(PollEvent.ClustersLoaded e) { return state.withClusters(e.clusters()); }

        @Override
        public State clustersFailed(PollEvent.ClustersFailed e) { return state.withClustersFailure(e.failure()); }

        @Override
        public State snapshotLoaded(PollEvent.SnapshotLoaded e) { return showing(state, e); }

        @Override
        public State snapshotFailed(PollEvent.SnapshotFailed e) {
            return state.withFailure(e.failure(), e.at(), e.nextRefresh()).withPace(e.pace(), e.nextRefresh());
        }

        @Override
        public State infoLoaded(PollEvent.InfoLoaded e) { return state.withMoreInfo(e.info()).withSignals(e.scope(), e.signals()); }

        @Override
        public State signalsLoaded(PollEvent.SignalsLoaded e) { return state.withSignals(e.scope(), e.signals()); }

        @Override
        public State rightsizeLoaded(PollEvent.RightsizeLoaded e) { return state.withRightsize(e.result()); }

        @Override
        public State serviceRead(PollEvent.ServiceRead e) { return OpenServiceSteps.withAnswer(state, e.service(), e.key(), e.result()); }

        @Override
        public State scopeRead(PollEvent.ScopeRead e) { return state.withAnswer(e.scope(), e.key(), e.result()); }

        @Override
        public State paced(PollEvent.Paced e) { return state.withPace(e.pace(), e.nextRefresh()); }
    };

    private void onPoll(PollEvent event) {
        state = event.handle(applying);
        state = state.withSession(event.session());
        syncView();
    }

    /** The alerts an answer fired, unless they are silenced. */
    private void sound(List<Alert> fired) {
        if (!fired.isEmpty() && state.alerting().sounds(clock.instant())) {
            notifier.send(fired);
        }
    }

    private Outcome onKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            return Outcome.QUIT;
        }
        poller.key();
        if (key instanceof MouseAction mouse) {
            return onMouse(mouse);
        }
        Optional<Action> action = (state.nav().filter().typing() ? filterKeys : keys).lookup(key);
        if (state.nav().help() && action.filter(a -> a.effect() == Action.Effect.QUIT
                || a.effect() == Action.Effect.REPAINT).isEmpty()) {
            // any other key just closes the help
            state = state.toggleHelp();
            return Outcome.REDRAW;
        }
        if (action.isEmpty()) {
            return Outcome.NOTHING;
        }
        State before = state;
        state = action.get().step().apply(state, panes.listing(state));
        syncView();
        return switch (action.get().effect()) {
            case QUIT -> Outcome.QUIT;
            case REPAINT -> Outcome.REPAINT;
            case REFRESH -> {
                poller.refreshNow();
                yield Outcome.REDRAW;
            }
            case QUIET -> {
                Instant now = clock.instant();
                state = state.toggleQuiet(now, now.plus(QUIET_FOR));
                yield Outcome.REDRAW;
            }
            case NONE -> state == before ? Outcome.NOTHING : Outcome.REDRAW;
        };
    }

    /** Rows the wheel moves a pane by, one notch. */
    private static final int WHEEL_ROWS = 3;

    /** A click selects the row under it (a second click on a cluster opens it); the wheel scrolls the pane under it. */
    private Outcome onMouse(MouseAction mouse) {
        Optional<PaneRegistry.Hit> hit = panes.hit(state, mouse.getPosition().getColumn(), mouse.getPosition().getRow());
        if (hit.isEmpty() || state.nav().help()) {
            return Outcome.NOTHING;
        }
        State before = state;
        state = switch (mouse.getActionType()) {
            case CLICK_DOWN -> CursorMoves.pointAt(state, hit.get().pane(), hit.get().row(), panes.listing(state));
            case SCROLL_UP -> CursorMoves.scrollIn(state, hit.get().pane(), -WHEEL_ROWS, panes.listing(state));
            case SCROLL_DOWN -> CursorMoves.scrollIn(state, hit.get().pane(), WHEEL_ROWS, panes.listing(state));
            default -> state;
        };
        syncView();
        return state == before ? Outcome.NOTHING : Outcome.REDRAW;
    }

    /**
     * Tells the poller what is on screen when that changed: the open detail reads its service's
     * timeline for its chart, and the week before while the chart overlays it; the tasks pane,
     * while open, its service's tasks every refresh.
     */
    private void syncView() {
        Set<ReadKey<?>> reads = new HashSet<>();
        state.nav().detail().ifPresent(d -> {
            reads.add(ServiceReadKeys.TIMELINE);
            if (d.weekAgo()) {
                reads.add(ServiceReadKeys.WEEK_AGO);
            }
            if (d.tasks().isPresent()) {
                reads.add(ServiceReadKeys.TASKS);
            }
        });
        Optional<PollView> v = state.question().scope()
                .map(s -> new PollView(state.question(), state.nav().detail().map(Detail::service), rule, reads,
                        panes.reads(state)));
        if (v.isPresent() && !v.get().equals(asked)) {
            asked = v.get();
            poller.view(asked);
        }
    }

    /** Paints the State at the terminal's current size; {@code complete} repaints every cell (Ctrl-L). */
    void draw(boolean complete) throws IOException {
        ScreenSize size = frame.size();
        state = state.withScreen(size);
        frame.draw(state, complete);
    }
}
