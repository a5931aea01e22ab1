package ecstop.ui.view;

import static ecstop.ui.action.KeyBinding.ch;
import static ecstop.ui.action.KeyBinding.special;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.FleetReader;
import ecstop.domain.Metric;
import ecstop.domain.ReadKey;
import com.googlecode.lanterna.input.KeyType;
import ecstop.ui.action.Action;
import ecstop.ui.action.KeyBinding;
import ecstop.ui.action.Keymap;
import ecstop.ui.present.Layout;
import ecstop.ui.present.PaneLists;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.Rect;
import ecstop.ui.present.Slot;
import ecstop.ui.state.Listing;
import ecstop.ui.state.Pane;
import ecstop.domain.View;
import ecstop.ui.state.ContainersSteps;
import ecstop.ui.state.OpenServiceSteps;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Every pane, in Tab order, each one {@link PaneSpec}: the layout, the drawing, the Tab order,
 * the moves and paging, the mouse and the keymap loop over this list. Adding a pane is one
 * more entry here, with its presenter and its view. One per window: the views keep their
 * scroll positions between frames.
 */
public final class PaneRegistry {
    private final List<PaneSpec<?>> specs;

    public PaneRegistry(List<PaneSpec<?>> specs) {
        this.specs = List.copyOf(specs);
    }

    /**
     * The picker, the right-sizing table (in place of the bars while it is asked for), the CPU
     * and memory bars, the scope's containers and the open service's tasks (each in place of
     * those while open, the tasks over the containers), and its detail.
     */
    public static PaneRegistry standard(Presenter p, ZoneId zone) {
        ClusterPane clusters = new ClusterPane();
        UsagePane cpu = new UsagePane();
        UsagePane memory = new UsagePane();
        RightsizePane rightsize = new RightsizePane();
        DetailPane detail = new DetailPane();
        TasksPane tasks = new TasksPane();
        ContainersPane containers = new ContainersPane();
        return new PaneRegistry(List.of(
                new PaneSpec<>(Pane.CLUSTERS, Slot.SIDE, s -> true, (s, r) -> p.clusters(s), clusters,
                        (s, h) -> PaneLists.picker(s, inner(h)), List.of()),
                new PaneSpec<>(Pane.RIGHTSIZE, Slot.MAIN, s -> s.question().view() == View.RIGHTSIZE && mainFree(s), (s, r) -> p.rightsize(s),
                        rightsize, (s, h) -> PaneLists.rightsize(s, p, inner(h)),
                        List.of(Action.of("right-sizing table / CPU and memory bars", (s, shown) -> s.toggleRightsize(),
                                ch("z")))),
                new PaneSpec<>(Pane.CPU, Slot.FIRST, PaneRegistry::bars, (s, r) -> p.usage(s, Metric.CPU), cpu,
                        (s, h) -> PaneLists.bars(s, p, Metric.CPU, inner(h)),
                        List.of(Action.of("fleet row: into its cluster / back to all clusters", State::jump, ch("c")))),
                new PaneSpec<>(Pane.MEMORY, Slot.SECOND, PaneRegistry::bars,
                        (s, r) -> p.usage(s, Metric.MEMORY), memory,
                        (s, h) -> PaneLists.bars(s, p, Metric.MEMORY, inner(h)), List.of()),
                new PaneSpec<>(Pane.CONTAINERS, Slot.MAIN, s -> s.nav().containers().isPresent() && !s.nav().tasksOpen(),
                        (s, r) -> p.containers(s), containers, (s, h) -> PaneLists.containers(s, p, inner(h)),
                        List.of(Action.of("containers nearest their memory limits, every cluster of the view (T again closes);"
                                + " Enter: that service's tasks", (s, shown) -> ContainersSteps.toggle(s), ch("T"))))
                        .reading(FleetReader.CONTAINER_LIMITS),
                new PaneSpec<>(Pane.TASKS, Slot.MAIN, s -> s.nav().tasksOpen(), (s, r) -> p.tasks(s, zone), tasks,
                        (s, h) -> PaneLists.tasks(s, p, zone, inner(h)),
                        List.of(Action.of("tasks and containers of the service (t again closes)", OpenServiceSteps::toggleTasks,
                                ch("t")))),
                new PaneSpec<>(Pane.DETAIL, Slot.BELOW, s -> s.nav().detail().isPresent(), (s, r) -> p.detail(s, zone, r.height()),
                        detail,
                        (s, h) -> PaneLists.detail(s, p, h), List.of(
                        Action.of("chart: previous marker (detail focused)", (s, shown) -> OpenServiceSteps.stepMarker(s, -1),
                                special("←", KeyType.ArrowLeft)),
                        Action.of("chart: next marker; past the newest, the answer",
                                (s, shown) -> OpenServiceSteps.stepMarker(s, 1), special("→", KeyType.ArrowRight)),
                        Action.of("chart: a week ago on/off", (s, shown) -> OpenServiceSteps.toggleWeekAgo(s), ch("w"))))));
    }

    /** The CPU and memory bars show unless the right-sizing table, the containers or the tasks pane is in their place. */
    private static boolean bars(State s) {
        return s.question().view() == View.USAGE && mainFree(s);
    }

    /** Neither the containers nor the tasks pane holds the bars' place. */
    private static boolean mainFree(State s) {
        return s.nav().containers().isEmpty() && !s.nav().tasksOpen();
    }

    /** Rows inside a box of {@code height}: a page of a list. */
    private static int inner(int height) {
        return Math.max(1, height - 2);
    }

    /** The standard keys with every pane's own, as the help lists them (with {@code ascii}, their labels spelled in ASCII). */
    public Keymap keymap(boolean ascii) {
        Glyphs glyphs = Glyphs.of(ascii);
        return Keymap.standard(ascii).with(specs.stream().flatMap(s -> s.keys().stream())
                .map(a -> new Action(a.keys().stream().map(k -> new KeyBinding(glyphs.text(k.label()), k.stroke())).toList(),
                        a.help(), a.step(), a.effect()))
                .toArray(Action[]::new));
    }

    /** The reads of the scope the panes shown ask for. */
    public Set<ReadKey<?>> reads(State s) {
        Set<ReadKey<?>> out = new java.util.LinkedHashSet<>();
        shown(s).forEach(spec -> out.addAll(spec.reads()));
        return out;
    }

    /** Every pane described, in Tab order, shown now or not. */
    public List<Pane> panes() {
        return specs.stream().map(PaneSpec::pane).toList();
    }

    private List<PaneSpec<?>> shown(State s) {
        return specs.stream().filter(spec -> spec.shows().test(s)).toList();
    }

    public Layout layout(State s) {
        List<PaneSpec<?>> shown = shown(s);
        Set<Slot> used = EnumSet.noneOf(Slot.class);
        shown.forEach(spec -> used.add(spec.slot()));
        boolean sideFocused = shown.stream().anyMatch(spec -> spec.slot() == Slot.SIDE && spec.pane().equals(s.nav().focus()));
        return Layout.of(s.screen(), used, sideFocused);
    }

    /** The panes shown, in Tab order, and each one's rows as the screen shows them: what the keys move through. */
    public Listing listing(State s) {
        Layout layout = layout(s);
        List<PaneSpec<?>> shown = shown(s);
        return new Listing() {
            @Override
            public List<Pane> order() { return shown.stream().map(PaneSpec::pane).toList(); }

            @Override
            public Optional<Rows> of(Pane pane) {
                return shown.stream().filter(spec -> spec.pane().equals(pane)).findFirst().map(spec -> spec.listing()
                        .apply(s, layout.at(spec.slot()).map(Rect::height).orElse(0)));
            }
        };
    }

    /** Each pane shown where the layout puts it. */
    void draw(TextGraphics g, State s, Layout layout, RenderContext c) {
        for (PaneSpec<?> spec : shown(s)) {
            layout.at(spec.slot()).ifPresent(r -> spec.draw(g, r, s, c));
        }
    }

    /** What is under a screen position, as the last frame of {@code s} drew it: a pane, and a row of it if any. */
    public record Hit(Pane pane, OptionalInt row) {}

    public Optional<Hit> hit(State s, int x, int y) {
        Layout layout = layout(s);
        if (layout.tooSmall()) {
            return Optional.empty();
        }
        for (PaneSpec<?> spec : shown(s)) {
            Optional<Rect> r = layout.at(spec.slot());
            if (r.isPresent() && inside(r.get(), x, y)) {
                return Optional.of(new Hit(spec.pane(), spec.rowAt(x, y)));
            }
        }
        return Optional.empty();
    }

    private static boolean inside(Rect r, int x, int y) {
        return x >= r.col() && x < r.col() + r.width() && y >= r.row() && y < r.row() + r.height();
    }
}
