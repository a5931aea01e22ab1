package ecstop.ui.present;

import ecstop.domain.Metric;
import ecstop.domain.ServiceRef;
import ecstop.ui.state.Listing;
import ecstop.ui.state.Navigation;
import ecstop.ui.state.OpenServiceSteps;
import ecstop.ui.state.Detail;
import ecstop.ui.state.State;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How the keys move through each kind of list a pane shows: the picker's rows, a list of
 * services (the bars, the right-sizing table), and the detail's periods. The same rows the
 * panes draw, so the cursor is always on a row the screen shows. {@code page}: the rows a page
 * key moves.
 */
public final class PaneLists {
    private PaneLists() {}

    /** The picker: Enter, or a second click on the cursor's row, opens the cluster. */
    public static Listing.Rows picker(State s, int page) {
        int size = s.pickerSize();
        int cursor = Math.max(0, Math.min(Math.max(0, size - 1), s.nav().clusterCursor()));
        return new Listing.Rows() {
            @Override public int size() { return size; }

            @Override public int cursor() { return cursor; }

            @Override public int pageRows() { return page; }

            @Override public Navigation to(Navigation nav, int row) { return nav.withClusterCursor(row); }

            @Override public State enter(State st, int row) { return st.pickCluster(); }

            @Override public boolean secondClickEnters() { return true; }
        };
    }

    /** A bar panel's services: the cursor follows the selected service by identity; Enter opens its detail. */
    public static Listing.Rows bars(State s, Presenter p, Metric metric, int page) {
        List<ServiceRow> rows = p.rows(s, metric);
        return services(rows.size(), p.cursor(s, metric), i -> rows.get(i).ref(), page);
    }

    /** The right-sizing table's services, as the bars'. */
    public static Listing.Rows rightsize(State s, Presenter p, int page) {
        List<RightsizeModel.Row> rows = p.rightsizeRows(s);
        return services(rows.size(), Presenter.rightsizeCursor(s, rows), i -> rows.get(i).ref(), page);
    }

    private static Listing.Rows services(int size, int cursor, IntFunction<ServiceRef> at, int page) {
        return new Listing.Rows() {
            @Override public int size() { return size; }

            @Override public int cursor() { return cursor; }

            @Override public int pageRows() { return page; }

            @Override public Navigation to(Navigation nav, int row) { return nav.withSelected(Optional.of(at.apply(row))); }

            @Override public Optional<ServiceRef> service(int row) { return Optional.of(at.apply(row)); }

            @Override public State enter(State st, int row) { return st.openDetail(at.apply(row)); }
        };
    }

    /**
     * The tasks pane's rows: the cursor pinned to its row by key; every row is the open
     * service's, which is the service under its cursor. Enter does nothing more.
     */
    public static Listing.Rows tasks(State s, Presenter p, java.time.ZoneId zone, int page) {
        List<TasksModel.Row> rows = p.taskRows(s, zone);
        int cursor = TasksPresenter.cursor(s, rows);
        Optional<ServiceRef> service = s.nav().detail().map(Detail::service);
        return new Listing.Rows() {
            @Override public Optional<ServiceRef> service(int row) { return service; }

            @Override public int size() { return rows.size(); }

            @Override public int cursor() { return cursor; }

            @Override public int pageRows() { return page; }

            @Override public Navigation to(Navigation nav, int row) { return nav.withTasksRow(rows.get(row).key()); }
        };
    }

    /** The containers pane's rows: the cursor pinned to its row by key; Enter opens the row's service's tasks pane. */
    public static Listing.Rows containers(State s, Presenter p, int page) {
        List<ContainersModel.Row> rows = p.containerRows(s);
        int cursor = ContainersPresenter.cursor(s, rows);
        return new Listing.Rows() {
            @Override public Optional<ServiceRef> service(int row) { return Optional.of(rows.get(row).ref()); }

            @Override public int size() { return rows.size(); }

            @Override public int cursor() { return cursor; }

            @Override public int pageRows() { return page; }

            @Override public Navigation to(Navigation nav, int row) { return nav.withContainersRow(rows.get(row).key()); }

            @Override public State enter(State st, int row) { return OpenServiceSteps.openTasks(st, rows.get(row).ref()); }
        };
    }

    /** The detail's periods: the cursor is the first row shown, and goes no further than a last page that is full. */
    public static Listing.Rows detail(State s, Presenter p, int height) {
        int page = p.detailPage(s, height);
        long periods = s.fleet().snapshot().map(x -> x.window().buckets()).orElse(0L);
        int size = (int) Math.max(1, periods - page + 1);
        int cursor = Math.min(size - 1, s.nav().detail().map(Detail::scroll).orElse(0));
        return new Listing.Rows() {
            @Override public int size() { return size; }

            @Override public int cursor() { return cursor; }

            @Override public int pageRows() { return page; }

            @Override public Navigation to(Navigation nav, int row) { return nav.withDetailScroll(row); }
        };
    }
}
