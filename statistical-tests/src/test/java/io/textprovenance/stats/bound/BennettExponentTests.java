package io.textprovenance.stats.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** psi_b(lambda) = (e^{lambda b} - 1 - lambda b) / b^2 against a 40-digit power series, on both branches. */
class BennettExponentTests {

    static final MathContext DIGITS = new MathContext(40);

    /** lambda^2 sum_{j >= 2} x^{j-2} / j!, x = lambda b, in 40-digit decimal arithmetic. */
    static double reference(double lambda, double bound) {
        BigDecimal x = new BigDecimal(lambda).multiply(new BigDecimal(bound), DIGITS);
        BigDecimal term = new BigDecimal("0.5");
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 2; j < 200; j++) {
            sum = sum.add(term, DIGITS);
            term = term.multiply(x, DIGITS).divide(BigDecimal.valueOf(j + 1), DIGITS);
        }
        return sum.multiply(new BigDecimal(lambda).pow(2), DIGITS).doubleValue();
    }

    @Test
    void shouldMatchTheSeriesOnTheDirectBranch() {
        assertThat(BennettExponent.psi(1, 1)).isCloseTo(Math.E - 2, within(1e-15));
        for (double[] point : new double[][] {{0.5, 2}, {0.4, 9.3}, {0.0125, 5}, {4.0 / 10, 0.7}, {2, 3}, {0.05, 0.01}}) {
            double expected = reference(point[0], point[1]);
            assertThat(BennettExponent.psi(point[0], point[1])).as("lambda=%s b=%s", point[0], point[1])
                    .isCloseTo(expected, within(1e-11 * expected));
        }
    }

    @Test
    void shouldMatchTheSeriesOnTheSmallArgumentBranch() {
        // lambda b < 1e-4: the truncated series lambda^2 (1/2 + x/6 + x^2/24); its relative error x^3/60 is < 2e-14
        for (double[] point : new double[][] {{1e-3, 0.05}, {3.9e-5, 2.5}, {0.01, 0.0099}, {1e-6, 1e-3}, {0.4, 1e-5}}) {
            double expected = reference(point[0], point[1]);
            assertThat(BennettExponent.psi(point[0], point[1])).as("lambda=%s b=%s", point[0], point[1])
                    .isCloseTo(expected, within(2e-14 * expected));
        }
        // where x/6 and x^2/24 matter: x = 9.9e-5 changes psi by 1.65e-5 and 4.1e-10 relative
        double lambda = 9.9e-5;
        double expected = reference(lambda, 1);
        assertThat(BennettExponent.psi(lambda, 1)).isCloseTo(expected, within(2e-14 * expected));
    }

    @Test
    void shouldBeTheGaussianRateWithoutABoundAndIncreaseWithTheBound() {
        assertThat(BennettExponent.psi(0.3, 0)).isEqualTo(0.045);
        assertThat(BennettExponent.psi(0, 3)).isZero();
        double previous = 0;
        for (double b = 0; b <= 12; b += 0.25) {
            double value = BennettExponent.psi(0.4, b);
            assertThat(value).isGreaterThan(previous);
            previous = value;
        }
        // continuous across the branch at lambda b = 1e-4
        assertThat(BennettExponent.psi(1e-4 * (1 - 1e-9), 1)).isCloseTo(BennettExponent.psi(1e-4 * (1 + 1e-9), 1),
                within(1e-16));
    }
}
