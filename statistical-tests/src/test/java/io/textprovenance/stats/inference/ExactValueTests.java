package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The variance-adaptive and anytime tests against the formulas of docs/statistics.md, recomputed here
 * independently (own psi by its power series, own grid, own sums) on uneven series: different clipped
 * means and variances per token, clipped tokens, a token without variance. Exact to 1e-12 relative.
 * Dropping the union-bound cost ln K, using the other side's bound, the wrong variance or the wrong
 * mixture weight changes these numbers.
 */
class ExactValueTests {

    static final double CLIP = 10.0;
    static final double RELATIVE = 1e-12;

    /** n tokens with means in [1, 4], variances in [0, 3.3], surprisals around mean + drift, some clipped. */
    static TokenSeries uneven(int n, double drift) {
        List<TokenObservation> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double mean = 1 + 3.0 * (i % 7) / 6;
            double variance = i % 11 == 5 ? 0 : 0.5 + (i % 5) * 0.7;
            double surprisal = i % 13 == 3 ? 12.5 : Math.max(0, mean + drift + 1.5 * Math.sin(1.7 * i));
            tokens.add(new TokenObservation(surprisal, mean + 0.1, variance + 0.2, mean, variance, 1 + i % 4));
        }
        return new TokenSeries(CLIP, tokens);
    }

    /** psi_b(lambda) = (e^{lambda b} - 1 - lambda b) / b^2: power series for lambda b &lt; 1/2, else direct. */
    static double psi(double lambda, double b) {
        double x = lambda * b;
        if (x < 0.5) {
            double term = 0.5;
            double sum = 0;
            for (int j = 2; j < 40 && term > 1e-20 * sum; j++) {
                sum += term;
                term *= x / (j + 1);
            }
            return lambda * lambda * sum;
        }
        return (Math.exp(x) - 1 - x) / (b * b);
    }

    /** The hand-computed sufficient statistics: S and C_k for both sides, on slopes (4/c) 2^-k. */
    static final class Sums {
        final double[] lambdas;
        final double[] upper;
        final double[] lower;
        double sum;

        Sums(int gridSize) {
            lambdas = new double[gridSize];
            upper = new double[gridSize];
            lower = new double[gridSize];
            for (int k = 0; k < gridSize; k++) {
                lambdas[k] = 4 / CLIP / Math.pow(2, k);
            }
        }

        static Sums of(List<TokenObservation> tokens, int gridSize) {
            Sums sums = new Sums(gridSize);
            tokens.forEach(sums::add);
            return sums;
        }

        void add(TokenObservation token) {
            sum += Math.min(token.surprisal(), CLIP) - token.clippedMean();
            for (int k = 0; k < lambdas.length; k++) {
                upper[k] += psi(lambdas[k], CLIP - token.clippedMean()) * token.clippedVariance();
                lower[k] += psi(lambdas[k], token.clippedMean()) * token.clippedVariance();
            }
        }

        double threshold(boolean upperSide, double level, int n) {
            int size = lambdas.length;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                double cumulant = upperSide ? upper[k] : lower[k];
                best = Math.min(best, (Math.log(size / level) + cumulant) / (lambdas[k] * n));
            }
            return best;
        }

        double maxLog(boolean upperSide, double s) {
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < lambdas.length; k++) {
                best = Math.max(best, upperSide ? lambdas[k] * s - upper[k] : -lambdas[k] * s - lower[k]);
            }
            return best;
        }

        double pValue(boolean upperSide) {
            return Math.min(1, lambdas.length * Math.exp(-maxLog(upperSide, sum)));
        }

        /** ln of the uniform mixture of the alternative's factors at sum s (both signs, two-sided). */
        double logMixture(Alternative alternative, double s) {
            double total = 0;
            int terms = 0;
            for (int k = 0; k < lambdas.length; k++) {
                if (alternative != Alternative.LESS) {
                    total += Math.exp(lambdas[k] * s - upper[k]);
                    terms++;
                }
                if (alternative != Alternative.GREATER) {
                    total += Math.exp(-lambdas[k] * s - lower[k]);
                    terms++;
                }
            }
            return Math.log(total / terms);
        }
    }

    @Test
    void shouldUseGridsOfTheDocumentedSizes() {
        // K = 1 + ceil(log2(4 / sqrt(8 ln 2 / n))): 4 at n = 16, 8 at n = 4096
        int[][] expected = {{1, 2}, {2, 3}, {16, 4}, {64, 5}, {100, 6}, {256, 6}, {1000, 7}, {4096, 8}, {1 << 20, 12}};
        for (int[] row : expected) {
            assertThat(io.textprovenance.stats.bound.LambdaGrid.forHorizon(CLIP, row[0]).size())
                    .as("n=%d", row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void shouldComputeTheFreedmanBennettThresholdAndPValueExactly() {
        VarianceAdaptiveTest test = new VarianceAdaptiveTest();
        int[][] cases = {{100, 6}, {1000, 7}};
        int nonTrivial = 0;
        for (int[] size : cases) {
            int n = size[0];
            for (double drift : new double[] {-0.9, -0.4, -0.1, 0.0, 0.2, 0.5, 1.2}) {
                TokenSeries series = uneven(n, drift);
                Sums sums = Sums.of(series.tokens(), size[1]);
                double upperP = sums.pValue(true);
                double lowerP = sums.pValue(false);
                for (double alpha : new double[] {0.01, 0.05}) {
                    for (Alternative alternative : Alternative.values()) {
                        TestResult result = test.test(series, alpha, alternative);
                        boolean upperSide = switch (alternative) {
                            case GREATER -> true;
                            case LESS -> false;
                            case TWO_SIDED -> sums.sum >= 0;
                        };
                        double level = alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha;
                        double p = switch (alternative) {
                            case GREATER -> upperP;
                            case LESS -> lowerP;
                            case TWO_SIDED -> Math.min(1, 2 * Math.min(upperP, lowerP));
                        };
                        String at = String.format("n=%d drift=%s alpha=%s %s", n, drift, alpha, alternative);
                        assertThat(result.n()).isEqualTo(n);
                        assertThat(result.statistic()).as(at).isCloseTo(sums.sum / n, within(1e-12));
                        assertRelative(at + " threshold", result.threshold(), sums.threshold(upperSide, level, n));
                        assertRelative(at + " p-value", result.pValue(), p);
                        assertThat(result.rejected()).as(at).isEqualTo(p <= alpha);
                        if (p > 1e-8 && p < 0.99) {
                            nonTrivial++;
                        }
                    }
                }
            }
        }
        assertThat(nonTrivial).as("p-values strictly inside (0, 1)").isGreaterThan(20);
    }

    @Test
    void shouldComputeTheAnytimeMixtureExactlyAtEveryPrefix() {
        AnytimeTest test = new AnytimeTest();
        int mixedRejections = 0;
        for (double drift : new double[] {-0.8, -0.3, 0.0, 0.4, 1.0}) {
            TokenSeries series = uneven(300, drift);
            for (Alternative alternative : Alternative.values()) {
                for (double alpha : new double[] {0.01, 0.05, 0.2}) {
                    AnytimeMonitor monitor = test.monitor(CLIP, alpha, alternative);
                    double maxLog = Double.NEGATIVE_INFINITY;
                    int first = 0;
                    String at = String.format("drift=%s %s alpha=%s", drift, alternative, alpha);
                    Sums sums = new Sums(AnytimeTest.DEFAULT_GRID_SIZE);
                    for (int m = 1; m <= series.size(); m++) {
                        monitor.observe(series.tokens().get(m - 1));
                        sums.add(series.tokens().get(m - 1));
                        double log = sums.logMixture(alternative, sums.sum);
                        maxLog = Math.max(maxLog, log);
                        if (first == 0 && log >= Math.log(1 / alpha)) {
                            first = m;
                        }
                        assertThat(monitor.rejected()).as(at + " m=" + m).isEqualTo(first != 0);
                    }
                    assertThat(monitor.firstRejection()).as(at).isEqualTo(first);
                    TestResult result = monitor.result();
                    // the running minimum over prefixes of 1 / M_m
                    assertRelative(at + " p-value", result.pValue(), Math.min(1, Math.exp(-maxLog)));
                    mixedRejections += first != 0 ? 1 : 0;
                    // the reported boundary: |S| / n at which the mixture of the final cumulants reaches 1/alpha
                    Sums all = Sums.of(series.tokens(), AnytimeTest.DEFAULT_GRID_SIZE);
                    boolean upperSide = alternative == Alternative.GREATER
                            || alternative == Alternative.TWO_SIDED && all.sum >= 0;
                    double boundary = (upperSide ? 1 : -1) * result.threshold() * series.size();
                    assertThat(all.logMixture(alternative, boundary)).as(at + " boundary")
                            .isCloseTo(Math.log(1 / alpha), within(1e-9));
                    assertThat(result.statistic()).isCloseTo(all.sum / series.size(), within(1e-12));
                }
            }
        }
        assertThat(mixedRejections).isBetween(5, 40);
    }

    @Test
    void shouldReportTheExactRunningMinimumPValueOfTheMixture() {
        // a drift that never crosses at alpha = 1e-9 but moves the mixture: check p at every prefix
        TokenSeries series = uneven(120, -0.5);
        for (Alternative alternative : Alternative.values()) {
            AnytimeMonitor monitor = new AnytimeTest().monitor(CLIP, 1e-9, alternative);
            double maxLog = Double.NEGATIVE_INFINITY;
            Sums sums = new Sums(AnytimeTest.DEFAULT_GRID_SIZE);
            for (int m = 1; m <= series.size(); m++) {
                monitor.observe(series.tokens().get(m - 1));
                sums.add(series.tokens().get(m - 1));
                maxLog = Math.max(maxLog, sums.logMixture(alternative, sums.sum));
                assertRelative(alternative + " m=" + m, monitor.result().pValue(), Math.min(1, Math.exp(-maxLog)));
            }
            assertThat(monitor.rejected()).isFalse();
        }
    }

    @Test
    void shouldRejectAtALevelEqualToItsOwnPValue() {
        // the p-value is the smallest level that rejects: "rejected exactly when p <= alpha", equality included
        List<io.textprovenance.stats.ProvenanceTest> tests = List.of(new AzumaTest(), new VarianceAdaptiveTest(),
                new AnytimeTest());
        for (io.textprovenance.stats.ProvenanceTest test : tests) {
            for (Alternative alternative : Alternative.values()) {
                TokenSeries series = null;
                double p = 1;
                for (double drift = -3; drift < 3 && !(p > 1e-9 && p < 0.5); drift += 0.05) {
                    series = uneven(400, drift);
                    p = test.test(series, 0.5, alternative).pValue();
                }
                assertThat(p).as("%s %s", test, alternative).isBetween(1e-9, 0.5);
                TestResult atP = test.test(series, p, alternative);
                assertThat(atP.pValue()).isEqualTo(p);
                assertThat(atP.rejected()).as("%s %s at alpha = p", test, alternative).isTrue();
                // the anytime decision compares ln M with ln(1/alpha), so it is exact only up to rounding
                double below = test instanceof AnytimeTest ? p * (1 - 1e-12) : Math.nextDown(p);
                assertThat(test.test(series, below, alternative).rejected()).as("%s %s", test, alternative).isFalse();
            }
        }
    }

    private static void assertRelative(String at, double actual, double expected) {
        assertThat(actual).as(at).isCloseTo(expected, within(RELATIVE * Math.max(1e-300, Math.abs(expected))));
    }
}
