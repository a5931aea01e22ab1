package ecstop.domain.rightsize;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * On-demand Fargate prices in one region, USD, Linux, per CPU architecture (X86_64,
 * ARM64): what a vCPU-hour and a GB-hour cost. Spot and Savings Plans are out of scope.
 *
 * @param asOf when the prices were read (an instant for the API, the table's date for the bundled one)
 * @param note why the bundled table stands in, when it does
 */
public record FargatePrices(String region, Map<String, Rate> rates, Source source, String asOf, String note) {
    /** What a month of a task costs is 730 hours of it: AWS's own month for price pages. */
    public static final int HOURS_PER_MONTH = 730;

    public enum Source {
        PRICE_LIST_API("the AWS Price List API"),
        CACHE("the AWS Price List API (cached)"),
        BUNDLED("the bundled price table");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Rate(double vcpuHour, double gbHour) {
        public Rate {
            if (!(vcpuHour > 0 && gbHour > 0)) {
                throw new IllegalArgumentException("prices must be positive: " + vcpuHour + ", " + gbHour);
            }
        }

        public double hourly(TaskSize size) {
            return size.vcpu() * vcpuHour + size.gib() * gbHour;
        }

        public double monthly(TaskSize size) {
            return hourly(size) * HOURS_PER_MONTH;
        }
    }

    public FargatePrices {
        Objects.requireNonNull(region, "region");
        rates = Map.copyOf(rates);
        Objects.requireNonNull(source, "source");
        asOf = asOf == null ? "" : asOf;
        note = note == null ? "" : note;
    }

    public Optional<Rate> rate(String cpuArchitecture) {
        return Optional.ofNullable(rates.get(cpuArchitecture));
    }

    /** The same prices from {@code s}, {@code why} before what the note already said (a derived rate, say). */
    public FargatePrices withSource(Source s, String why) {
        return new FargatePrices(region, rates, s, asOf, why.isEmpty() ? note : note.isEmpty() ? why : why + "; " + note);
    }

    /** "the AWS Price List API, 2026-11-25T10:00:00Z". */
    public String describe() {
        return source.label() + (asOf.isEmpty() ? "" : ", " + asOf) + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
