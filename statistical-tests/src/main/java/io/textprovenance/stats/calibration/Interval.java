package io.textprovenance.stats.calibration;

/**
 * A two-sided confidence interval.
 *
 * @param lower lower end
 * @param upper upper end, &gt;= lower
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval lower " + lower + " exceeds upper " + upper);
        }
        requireLevel(level);
    }

    static double requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        return level;
    }
}
