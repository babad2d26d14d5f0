package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.synthetic.MonteCarlo;
import io.textprovenance.stats.synthetic.SyntheticSource;
import org.junit.jupiter.api.Test;

/**
 * Monte-Carlo check of the type-I error of the three tests on a source where H0 holds exactly: texts
 * sampled from model A at temperature 1, scored by A. The bound is alpha plus three Monte-Carlo
 * standard errors. Seeded; the longer sweep is {@code ./mvnw -Psweep -pl statistical-tests test}.
 */
class TypeOneErrorTests {

    static final double CLIP = 8.0;
    static final int TEXTS = 10_000;
    static final int[] LENGTHS = {16, 64, 256, 1024, 2048};
    static final double[] ALPHAS = {0.01, 0.05};

    @Test
    void shouldKeepTypeOneErrorBelowAlphaAtEveryLengthForTwoSidedTests() {
        assertTypeOneErrorBounded(Alternative.TWO_SIDED, 20251);
    }

    @Test
    void shouldKeepTypeOneErrorBelowAlphaAtEveryLengthForOneSidedTests() {
        assertTypeOneErrorBounded(Alternative.LESS, 20252);
        assertTypeOneErrorBounded(Alternative.GREATER, 20253);
    }

    private static void assertTypeOneErrorBounded(Alternative alternative, long seed) {
        SyntheticSource source = SyntheticSource.modelA(300, 512, CLIP, 7);
        int texts = alternative == Alternative.TWO_SIDED ? TEXTS : TEXTS / 2;
        int[] lengths = alternative == Alternative.TWO_SIDED ? LENGTHS : new int[] {16, 256, 1024};
        MonteCarlo.Counts counts = new MonteCarlo(source, CLIP).run(texts, lengths, ALPHAS, alternative, seed);
        for (String test : MonteCarlo.TESTS) {
            for (int l = 0; l < lengths.length; l++) {
                for (int a = 0; a < ALPHAS.length; a++) {
                    double alpha = ALPHAS[a];
                    double bound = alpha + 3 * Math.sqrt(alpha * (1 - alpha) / texts);
                    assertThat(counts.rate(test, l, a))
                            .as("%s %s n=%d alpha=%s seed=%d", test, alternative, lengths[l], alpha, seed)
                            .isLessThanOrEqualTo(bound);
                }
            }
        }
    }
}
