package ecstop.domain;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How far back the bars look. Parsed from "90m", "6h", "3d", "2w". */
public record Lookback(Duration duration) {
    public static final Duration MIN = Duration.ofMinutes(5);
    /** CloudWatch keeps hourly data for 455 days; past that there is nothing to show. */
    public static final Duration MAX = Duration.ofDays(455);

    // After MIN and MAX: the constructor reads them.
    /** The steps + and - move through. */
    public static final List<Lookback> STEPS = List.of(
            hours(1), hours(3), hours(6), hours(12), hours(24),
            days(3), days(7), days(14), days(30));

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    public Lookback {
        if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("lookback out of range: " + duration);
        }
    }

    public static Lookback hours(long h) { return new Lookback(Duration.ofHours(h)); }

    public static Lookback days(long d) { return new Lookback(Duration.ofDays(d)); }

    public static Either<String, Lookback> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            return Either.left("'" + text + "' is not a lookback; use a number and a unit m, h, d or w, like 90m, 6h, 3d, 2w");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            return Either.left("lookback '" + text + "' is out of range; it must be between 5m and 455d (CloudWatch's retention)");
        }
        return Either.right(new Lookback(d));
    }

    /** The shortest honest label: 90m, 24h, 3d. */
    public String label() {
        long minutes = duration.toMinutes();
        if (minutes % 60 != 0 || minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours % 24 != 0 || hours <= 24) {
            return hours + "h";
        }
        return hours / 24 + "d";
    }

    /** The next longer step, or this one at the end of the list. */
    public Lookback longer() {
        return STEPS.stream().filter(s -> s.duration.compareTo(duration) > 0).findFirst().orElse(this);
    }

    /** The next shorter step, or this one at the start of the list. */
    public Lookback shorter() {
        Lookback out = this;
        for (Lookback s : STEPS) {
            if (s.duration.compareTo(duration) < 0) {
                out = s;
            }
        }
        return out;
    }

    @Override
    public String toString() { return label(); }
}
