package io.textprovenance.stats.synthetic;

import java.util.SplittableRandom;

/** Gamma variates by Marsaglia and Tsang (2000), in log space so that tiny shapes do not underflow. */
final class Gammas {

    private Gammas() {
    }

    /** ln X for X ~ Gamma(shape, 1). Shapes below 1 use X = Y U^(1/shape), Y ~ Gamma(shape + 1). */
    static double logSample(double shape, SplittableRandom random) {
        if (shape < 1) {
            return logSample(shape + 1, random) + Math.log(1 - random.nextDouble()) / shape;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
