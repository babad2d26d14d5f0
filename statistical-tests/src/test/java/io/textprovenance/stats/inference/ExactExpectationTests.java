package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.stats.bound.AzumaBound;
import io.textprovenance.stats.bound.BennettExponent;
import io.textprovenance.stats.bound.LambdaGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-step inequality every test rests on, computed exactly by enumerating the vocabulary (no
 * sampling): for a distribution p, the clipped difference D of a token drawn from p, every slope lambda
 * of the grids and both signs,
 * <pre>  E_p[exp(lambda D - psi(lambda) V)] &lt;= 1.</pre>
 * The factors exp(lambda D - psi V) are what the tests multiply token by token; one step above 1 for
 * some p makes the product a submartingale and voids the type-I guarantee. The Bennett/Freedman and
 * anytime factors are read from the production {@link BennettSums} (fed one token drawn from p), so a
 * wrong bound, side or variance there fails here. Azuma's factor uses the cumulant implied by
 * {@link AzumaBound}'s tail (its Legendre transform). Each family also contains a witness that a wrong
 * bound is caught: see the last two tests.
 */
class ExactExpectationTests {

    static final double[] CLIPS = {2.0, 8.0, 10.0};
    static final double SLACK = 1e-12;

    /**
     * The grids the tests use: a fixed-horizon grid (those of shorter horizons are its prefixes, see
     * LambdaGridTests) and the anytime one (whose 20 slopes extend it).
     */
    static List<LambdaGrid> grids(double clip) {
        return List.of(LambdaGrid.forHorizon(clip, 4096), LambdaGrid.ofSize(clip, AnytimeTest.DEFAULT_GRID_SIZE));
    }

    @Test
    void shouldKeepEveryBennettFactorAtMostOneInExpectationForEverySlopeAndSide() {
        double largest = 0;
        int checked = 0;
        for (double clip : CLIPS) {
            for (ExactCategorical p : ExactCategorical.family(clip, 31 + (long) clip)) {
                for (LambdaGrid grid : grids(clip)) {
                    double[][] expectation = bennettExpectations(p, grid);
                    for (int k = 0; k < grid.size(); k++) {
                        for (int side = 0; side < 2; side++) {
                            assertThat(expectation[side][k])
                                    .as("c=%s |V|=%d lambda=%s %s: E[exp(lambda D - psi V)]", clip, p.size(),
                                            grid.lambda(k), side == 0 ? "upper" : "lower")
                                    .isLessThanOrEqualTo(1 + SLACK);
                            largest = Math.max(largest, expectation[side][k]);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        // not vacuous: somewhere the bound is nearly tight (small slopes on flat and two-point laws)
        assertThat(largest).isGreaterThan(0.999);
    }

    @Test
    void shouldKeepEveryAzumaFactorAtMostOneInExpectationForEverySlopeAndSide() {
        for (double clip : CLIPS) {
            LambdaGrid grid = LambdaGrid.ofSize(clip, AnytimeTest.DEFAULT_GRID_SIZE);
            for (ExactCategorical p : ExactCategorical.family(clip, 47 + (long) clip)) {
                for (int k = 0; k < grid.size(); k++) {
                    double lambda = grid.lambda(k);
                    double cumulant = azumaCumulant(clip, lambda);
                    for (int sign : new int[] {1, -1}) {
                        double expectation = 0;
                        for (int v = 0; v < p.size(); v++) {
                            expectation += p.probabilities()[v] * Math.exp(sign * lambda * p.difference(v) - cumulant);
                        }
                        assertThat(expectation).as("c=%s |V|=%d lambda=%s sign %d", clip, p.size(), lambda, sign)
                                .isLessThanOrEqualTo(1 + SLACK);
                    }
                }
            }
        }
    }

    @Test
    void shouldHaveFamiliesThatCatchSwappedOneSidedBounds() {
        // the upper side with the lower side's bound b = E^c (and vice versa) is an invalid bound: some
        // distribution of the family must push the expectation above 1, else the tests above could not fail
        double worst = 0;
        for (double clip : CLIPS) {
            for (ExactCategorical p : ExactCategorical.family(clip, 31 + (long) clip)) {
                LambdaGrid grid = LambdaGrid.ofSize(clip, AnytimeTest.DEFAULT_GRID_SIZE);
                for (int k = 0; k < grid.size(); k++) {
                    double lambda = grid.lambda(k);
                    double mean = p.observations()[0].clippedMean();
                    double variance = p.observations()[0].clippedVariance();
                    double upper = 0;
                    double lower = 0;
                    for (int v = 0; v < p.size(); v++) {
                        double d = p.difference(v);
                        upper += p.probabilities()[v] * Math.exp(lambda * d - BennettExponent.psi(lambda, mean) * variance);
                        lower += p.probabilities()[v]
                                * Math.exp(-lambda * d - BennettExponent.psi(lambda, clip - mean) * variance);
                    }
                    worst = Math.max(worst, Math.max(upper, lower));
                }
            }
        }
        assertThat(worst).isGreaterThan(1.1);
    }

    @Test
    void shouldHaveFamiliesThatCatchAnAzumaWidthOfHalfTheClip() {
        double worst = 0;
        for (double clip : CLIPS) {
            for (ExactCategorical p : ExactCategorical.family(clip, 47 + (long) clip)) {
                for (int k = 0; k < 20; k++) {
                    double lambda = 4 / clip * Math.scalb(1.0, -k);
                    double cumulant = lambda * lambda * clip * clip / 32;  // Hoeffding for width c/2
                    double expectation = 0;
                    for (int v = 0; v < p.size(); v++) {
                        expectation += p.probabilities()[v] * Math.exp(lambda * p.difference(v) - cumulant);
                    }
                    worst = Math.max(worst, expectation);
                }
            }
        }
        assertThat(worst).isGreaterThan(1.5);
    }

    /**
     * E_p[exp(lambda_k D - upper_k)] and E_p[exp(-lambda_k D - lower_k)] for every slope, each token's
     * factor read from a fresh production BennettSums fed that token.
     */
    static double[][] bennettExpectations(ExactCategorical p, LambdaGrid grid) {
        double[][] expectation = new double[2][grid.size()];
        for (int v = 0; v < p.size(); v++) {
            BennettSums sums = new BennettSums(grid);
            sums.add(p.observations()[v]);
            for (int k = 0; k < grid.size(); k++) {
                expectation[0][k] += p.probabilities()[v] * Math.exp(sums.logUpper(k, sums.sum()));
                expectation[1][k] += p.probabilities()[v] * Math.exp(sums.logLower(k, sums.sum()));
            }
        }
        return expectation;
    }

    /**
     * The per-token cumulant behind AzumaBound: sup_t (lambda t + ln tail(1, c, t)), by golden-section
     * search (the log-tail is concave). For the correct tail exp(-2 t^2 / c^2) it is lambda^2 c^2 / 8.
     */
    static double azumaCumulant(double clip, double lambda) {
        double low = 0;
        double high = lambda * clip * clip;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++) {
            double a = high - ratio * (high - low);
            double b = low + ratio * (high - low);
            if (lambda * a + Math.log(AzumaBound.oneSidedTail(1, clip, a))
                    < lambda * b + Math.log(AzumaBound.oneSidedTail(1, clip, b))) {
                low = a;
            } else {
                high = b;
            }
        }
        double t = (low + high) / 2;
        return lambda * t + Math.log(AzumaBound.oneSidedTail(1, clip, t));
    }
}
