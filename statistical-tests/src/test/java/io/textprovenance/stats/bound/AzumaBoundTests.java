package io.textprovenance.stats.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * AzumaBound's values, and its tail against the exact tail of the near-tight two-point source:
 * D = +-h with probability 1/2 each, h = (c - ln 2) / 2 (clipped surprisal ln 2 or c), so
 * mean D = h (2B/n - 1) with B ~ Binomial(n, 1/2). Hoeffding's bound for width c must dominate the exact
 * tail at every n and t; the bound for width c/2 does not.
 */
class AzumaBoundTests {

    static final double CLIP = 8.0;

    @Test
    void shouldComputeTheTailAndThresholdExactly() {
        assertThat(AzumaBound.oneSidedTail(100, 10, 0.8)).isCloseTo(Math.exp(-1.28), within(1e-15));
        assertThat(AzumaBound.oneSidedTail(100, 10, 0)).isEqualTo(1.0);
        assertThat(AzumaBound.oneSidedTail(100, 10, -0.3)).isEqualTo(1.0);
        assertThat(AzumaBound.oneSidedTail(100, 10, Double.NaN)).isEqualTo(1.0);
        assertThat(AzumaBound.oneSidedThreshold(200, 10, 0.05)).isCloseTo(10 * Math.sqrt(Math.log(20) / 400),
                within(1e-15));
        for (int n : new int[] {1, 7, 300}) {
            double t = AzumaBound.oneSidedThreshold(n, CLIP, 0.01);
            assertThat(AzumaBound.oneSidedTail(n, CLIP, t)).isCloseTo(0.01, within(1e-14));
        }
    }

    @Test
    void shouldDominateTheExactTailOfTheTwoPointSource() {
        double worstHalfWidth = 0;
        for (int n : new int[] {1, 2, 5, 16, 64, 256, 1024}) {
            double h = (CLIP - Math.log(2)) / 2;
            double[] upperTail = binomialUpperTails(n);
            for (int b = 0; b <= n; b++) {
                double t = h * (2.0 * b / n - 1);  // P(mean D >= t) = P(B >= b)
                assertThat(upperTail[b]).as("n=%d b=%d", n, b)
                        .isLessThanOrEqualTo(AzumaBound.oneSidedTail(n, CLIP, t) * (1 + 1e-12));
                worstHalfWidth = Math.max(worstHalfWidth, upperTail[b] / AzumaBound.oneSidedTail(n, CLIP / 2, t));
            }
        }
        assertThat(worstHalfWidth).as("exact tail / bound of width c/2").isGreaterThan(2);
    }

    /** P(B >= b) for B ~ Binomial(n, 1/2), b = 0..n, in log space. */
    static double[] binomialUpperTails(int n) {
        double[] pmf = new double[n + 1];
        double logChoose = 0;
        for (int b = 0; b <= n; b++) {
            pmf[b] = Math.exp(logChoose - n * Math.log(2));
            if (b < n) {
                logChoose += Math.log(n - b) - Math.log(b + 1);
            }
        }
        double[] tail = new double[n + 1];
        double running = 0;
        for (int b = n; b >= 0; b--) {
            running += pmf[b];
            tail[b] = running;
        }
        return tail;
    }
}
