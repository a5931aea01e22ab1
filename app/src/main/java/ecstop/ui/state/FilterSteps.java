package ecstop.ui.state;

/**
 * The filter's steps, pure like State's: {@code /} starts typing (from the picker or the
 * detail, the focus goes to the list the filter narrows), each key types or erases a character,
 * Enter keeps it and goes back to moving. Esc clears it ({@link State#back}).
 */
public final class FilterSteps {
    private FilterSteps() {}

    public static State start(State s) {
        Navigation nav = s.nav();
        Navigation n = nav.withFilter(nav.filter().typing(true));
        return s.with(nav.focus().equals(Pane.CLUSTERS) || nav.focus().equals(Pane.DETAIL)
                ? n.withFocus(nav.tasksOpen() ? Pane.TASKS : s.home()) : n);
    }

    public static State type(State s, char c) {
        Filter f = s.nav().filter().type(c);
        return f == s.nav().filter() ? s : s.with(s.nav().withFilter(f));
    }

    public static State erase(State s) {
        Filter f = s.nav().filter().erase();
        return f == s.nav().filter() ? s : s.with(s.nav().withFilter(f));
    }

    /** Enter while typing: keep the filter and go back to moving. */
    public static State keep(State s) {
        return s.with(s.nav().withFilter(s.nav().filter().typing(false)));
    }
}
