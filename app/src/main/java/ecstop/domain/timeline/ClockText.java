package ecstop.domain.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as the timeline writes it in the reader's zone: "14:05" today, "12-05 14:05" on another day. */
public final class ClockText {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private ClockText() {}

    public static String at(Instant t, Instant now, ZoneId zone) {
        boolean today = LocalDate.ofInstant(t, zone).equals(LocalDate.ofInstant(now, zone));
        return (today ? TODAY : OTHER_DAY).format(t.atZone(zone));
    }
}
