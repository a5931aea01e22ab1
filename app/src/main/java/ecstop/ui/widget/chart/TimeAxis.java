package ecstop.ui.widget.chart;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labels under the chart, in local time: on the clock's round minutes and hours for
 * short windows ("14:30"), with each midnight named by its day ("Mon 7") so a window that
 * spans days says which; on midnights only for windows of days ("Mon 7", or "12-07" past
 * sixteen days, where weekdays stop telling days apart). The step is the finest one whose
 * labels keep two cells between them.
 */
public final class TimeAxis {
    /** A label and the plot column (from 0) it is centred on. */
    public record Tick(int column, String label) {}

    private static final int[] MINUTE_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720};
    private static final int[] DAY_STEPS = {1, 2, 7, 14, 28};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final int GAP = 2;

    private TimeAxis() {}

    public static List<Tick> ticks(Instant start, Instant end, ZoneId zone, int width) {
        if (width <= 0 || !end.isAfter(start)) {
            return List.of();
        }
        Duration span = Duration.between(start, end);
        DateTimeFormatter day = span.compareTo(Duration.ofDays(16)) > 0 ? DATE : WEEKDAY;
        for (int m : MINUTE_STEPS) {
            if (span.toMinutes() / m > width / 4) {
                continue;
            }
            List<Tick> t = fit(minuteTicks(start, end, zone, width, m, day));
            if (t != null) {
                return t;
            }
        }
        for (int d : DAY_STEPS) {
            if (span.toDays() / d > width / 4) {
                continue;
            }
            List<Tick> t = fit(dayTicks(start, end, zone, width, d, day));
            if (t != null) {
                return t;
            }
        }
        return List.of();
    }

    /** The plot column of {@code t}: columns split the window evenly, half-open. */
    public static int column(Instant t, Instant start, Instant end, int width) {
        long span = Duration.between(start, end).toMillis();
        long at = Duration.between(start, t).toMillis();
        return (int) Math.floorDiv(at * width, span);
    }

    private static List<Tick> fit(List<Tick> ticks) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            if (b.column() - a.column() < (a.label().length() + b.label().length() + 1) / 2 + GAP) {
                return null;
            }
        }
        return ticks;
    }

    private static List<Tick> minuteTicks(Instant start, Instant end, ZoneId zone, int width, int step, DateTimeFormatter day) {
        List<Tick> out = new ArrayList<>();
        LocalDateTime local = LocalDate.ofInstant(start, zone).atStartOfDay();
        Instant last = null;
        while (true) {
            Instant t = local.atZone(zone).toInstant();
            if (!t.isBefore(end)) {
                return out;
            }
            if (!t.isBefore(start) && (last == null || t.isAfter(last))) {
                String label = local.toLocalTime().equals(LocalTime.MIDNIGHT) ? day.format(local) : CLOCK.format(local);
                out.add(new Tick(column(t, start, end, width), label));
                last = t;
            }
            local = local.plusMinutes(step);
        }
    }

    private static List<Tick> dayTicks(Instant start, Instant end, ZoneId zone, int width, int step, DateTimeFormatter day) {
        List<Tick> out = new ArrayList<>();
        for (LocalDate d = LocalDate.ofInstant(start, zone); ; d = d.plusDays(1)) {
            Instant t = d.atStartOfDay(zone).toInstant();
            if (!t.isBefore(end)) {
                return out;
            }
            boolean on = step == 1 ? true
                    : step % 7 == 0 ? d.getDayOfWeek() == DayOfWeek.MONDAY && Math.floorMod(d.toEpochDay() / 7, step / 7) == 0
                    : Math.floorMod(d.toEpochDay(), step) == 0;
            if (on && !t.isBefore(start)) {
                out.add(new Tick(column(t, start, end, width), day.format(d)));
            }
        }
    }
}
