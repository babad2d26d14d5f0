package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.synthetic.MonteCarlo;
import io.textprovenance.stats.synthetic.SyntheticSource;
import org.junit.jupiter.api.Test;

/**
 * Power against perturbed sources rises with length: texts sampled from A at temperature 0.7 (as
 * truncated decoding sharpens A) and texts from another model that shares half of A's distribution.
 */
class PowerTests {

    static final double CLIP = 8.0;
    static final int[] LENGTHS = {16, 64, 256, 1024};
    static final double[] ALPHAS = {0.05};

    @Test
    void shouldGainPowerWithLengthAgainstSharpenedSampling() {
        SyntheticSource source = SyntheticSource.modelA(300, 512, CLIP, 7).sampledAtTemperature(0.7, CLIP);
        MonteCarlo.Counts counts = new MonteCarlo(source, CLIP).run(1000, LENGTHS, ALPHAS, Alternative.LESS, 31);
        assertPowerRises(counts);
    }

    @Test
    void shouldGainPowerWithLengthAgainstAnotherModel() {
        SyntheticSource source = SyntheticSource.modelA(300, 512, CLIP, 7).sampledFromOtherModel(0.5, CLIP);
        MonteCarlo.Counts counts = new MonteCarlo(source, CLIP).run(1000, LENGTHS, ALPHAS, Alternative.GREATER, 32);
        assertPowerRises(counts);
    }

    private static void assertPowerRises(MonteCarlo.Counts counts) {
        int last = LENGTHS.length - 1;
        for (String test : MonteCarlo.TESTS) {
            for (int l = 1; l < LENGTHS.length; l++) {
                assertThat(counts.rate(test, l, 0)).as("%s power at n=%d", test, LENGTHS[l])
                        .isGreaterThanOrEqualTo(counts.rate(test, l - 1, 0));
            }
            assertThat(counts.rate(test, last, 0)).as("%s power at n=%d", test, LENGTHS[last]).isGreaterThan(0.9);
        }
        for (int l = 0; l < LENGTHS.length; l++) {
            assertThat(counts.rate(VarianceAdaptiveTest.NAME, l, 0)).as("Freedman vs Azuma at n=%d", LENGTHS[l])
                    .isGreaterThanOrEqualTo(counts.rate(AzumaTest.NAME, l, 0));
        }
    }
}
