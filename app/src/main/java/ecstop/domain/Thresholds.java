package ecstop.domain;

/** Colour thresholds in percent: red from {@code hot} (the original script's 95), amber from {@code warn}. */
public record Thresholds(double warn, double hot) {
    public static final Thresholds DEFAULT = new Thresholds(80, 95);

    public Thresholds {
        if (!(warn >= 0 && hot >= warn)) {
            throw new IllegalArgumentException("need 0 <= warn <= hot, got warn=" + warn + " hot=" + hot);
        }
    }
}
