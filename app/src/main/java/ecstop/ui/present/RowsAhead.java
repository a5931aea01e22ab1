package ecstop.ui.present;

/**
 * The bar panels' rows of a snapshot, filtered and sorted on the poller's thread where the
 * snapshot arrived, for the State it is about to make ({@link Presenter#ahead}), and handed to
 * the UI thread with the event ({@link Presenter#adopt}): at 5,000 services sorting both panels
 * is most of what a refresh costs the UI thread. Rows built for a filter or sort the user has
 * changed since are rebuilt on the UI thread, as before.
 */
public final class RowsAhead {
    final ServiceRows rows;

    RowsAhead(ServiceRows rows) {
        this.rows = rows;
    }
}
