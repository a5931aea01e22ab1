package ecstop.ui.terminal;

import ecstop.domain.Question;
import ecstop.domain.Scope;
import ecstop.domain.Snapshot;
import ecstop.domain.Thresholds;
import ecstop.domain.alert.Alert;
import ecstop.domain.alert.AlertBook;
import ecstop.domain.alert.HotReadings;
import ecstop.domain.alert.Reading;
import ecstop.domain.alert.SignalReadings;
import ecstop.domain.signal.ScopeSignals;
import ecstop.poll.PollEvent;
import java.util.Collection;
import java.util.List;

/**
 * The alert book, read where the poller's answers arrive (its worker threads, one answer at a
 * time) rather than on the UI thread: at 5,000 services a snapshot's readings and their lookups
 * in the book cost the UI thread about a third of a refresh's work. Which services newly
 * crossed a trigger: in a snapshot, their hot thresholds; in signals of the scope being read,
 * OOM kills and placement failures. Another cluster, lookback or statistic starts the book
 * afresh: a value that is hot by another measure has not crossed anything.
 */
final class AlertReader {
    private final Thresholds thresholds;
    private AlertBook book = AlertBook.EMPTY;
    /** The question whose answers the book has read. */
    private Question read;

    AlertReader(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** What fired on the way to the book after {@code event}; nothing for an event that is not an answer it reads. */
    synchronized List<Alert> read(PollEvent event) {
        if (event instanceof PollEvent.SnapshotLoaded e) {
            Snapshot snap = e.snapshot();
            if (!snap.answers(read)) {
                book = AlertBook.EMPTY;
                read = snap.question();
            }
            return update(HotReadings.of(snap, thresholds));
        }
        if (event instanceof PollEvent.InfoLoaded e) {
            return signals(e.scope(), e.signals());
        }
        if (event instanceof PollEvent.SignalsLoaded e) {
            return signals(e.scope(), e.signals());
        }
        return List.of();
    }

    private List<Alert> signals(Scope scope, ScopeSignals signals) {
        return read != null && read.scope().filter(scope::equals).isPresent() ? update(SignalReadings.of(signals)) : List.of();
    }

    private List<Alert> update(Collection<Reading> readings) {
        AlertBook.Update u = book.read(readings);
        book = u.book();
        return u.fired();
    }
}
