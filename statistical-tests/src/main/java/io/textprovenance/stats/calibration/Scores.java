package io.textprovenance.stats.calibration;

/** Argument checks shared by the calibration classes. */
final class Scores {

    private Scores() {
    }

    static double[] requireFiniteNonEmpty(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one score");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
        return values.clone();
    }

    static double requireRate(String name, double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + rate);
        }
        return rate;
    }
}
