package ecstop.emulator;

/**
 * CloudWatch's statistic set for one period: what ECS publishes each minute for a service
 * (one sample per running task) and what CloudWatch keeps when it rolls minutes up.
 */
record Aggregate(double sampleCount, double sum, double minimum, double maximum) {

    Aggregate plus(Aggregate o) {
        if (o == null) {
            return this;
        }
        return new Aggregate(sampleCount + o.sampleCount, sum + o.sum,
                Math.min(minimum, o.minimum), Math.max(maximum, o.maximum));
    }

    /** Every sample times {@code k} (k >= 0): a share of this, in other units. */
    Aggregate scaled(double k) {
        return new Aggregate(sampleCount, sum * k, minimum * k, maximum * k);
    }

    double average() {
        return sum / sampleCount;
    }

    double value(Statistic s) {
        return switch (s) {
            case SAMPLE_COUNT -> sampleCount;
            case SUM -> sum;
            case MINIMUM -> minimum;
            case MAXIMUM -> maximum;
            case AVERAGE -> average();
        };
    }
}
