package io.textprovenance.stats.synthetic;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.inference.AnytimeMonitor;
import io.textprovenance.stats.inference.AnytimeTest;
import io.textprovenance.stats.inference.AzumaTest;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the three provenance tests over many texts from a synthetic source and counts rejections.
 *
 * <p>Each text is sampled once to the longest length; the fixed-horizon tests are applied to its
 * prefixes at each checkpoint length (so each length's estimate is over independent texts), and the
 * anytime test watches every prefix. A rejection at level alpha is counted when p &lt;= alpha.
 */
public final class MonteCarlo {

    /** Names of the three tests, as they appear in the counts. */
    public static final List<String> TESTS = List.of(AzumaTest.NAME, VarianceAdaptiveTest.NAME, AnytimeTest.NAME);

    private final SyntheticSource source;
    private final double clip;

    public MonteCarlo(SyntheticSource source, double clip) {
        this.source = source;
        this.clip = clip;
    }

    /**
     * @param texts        number of independent texts
     * @param lengths      checkpoint lengths, ascending
     * @param alphas       levels
     * @param alternative  the alternative tested
     * @param seed         sampling seed
     */
    public Counts run(int texts, int[] lengths, double[] alphas, Alternative alternative, long seed) {
        Counts counts = new Counts(texts, lengths, alphas);
        SplittableRandom random = new SplittableRandom(seed);
        AzumaTest azuma = new AzumaTest();
        VarianceAdaptiveTest adaptive = new VarianceAdaptiveTest();
        AnytimeTest anytime = new AnytimeTest();
        int longest = lengths[lengths.length - 1];
        for (int t = 0; t < texts; t++) {
            SyntheticSource.Text text = source.text(random.split());
            AnytimeMonitor monitor = anytime.monitor(clip, 0.5, alternative);
            List<TokenObservation> tokens = new ArrayList<>(longest);
            int checkpoint = 0;
            for (int i = 1; i <= longest; i++) {
                TokenObservation token = text.next();
                tokens.add(token);
                monitor.observe(token);
                if (i == lengths[checkpoint]) {
                    TokenSeries series = new TokenSeries(clip, tokens);
                    counts.record(AzumaTest.NAME, checkpoint, pValue(azuma, series, alternative));
                    counts.record(VarianceAdaptiveTest.NAME, checkpoint, pValue(adaptive, series, alternative));
                    counts.record(AnytimeTest.NAME, checkpoint, monitor.result().pValue());
                    counts.recordThresholdRatio(checkpoint,
                            adaptive.test(series, 0.05, Alternative.TWO_SIDED).threshold()
                                    / azuma.test(series, 0.05, Alternative.TWO_SIDED).threshold());
                    checkpoint++;
                }
            }
        }
        return counts;
    }

    private static double pValue(ProvenanceTest test, TokenSeries series, Alternative alternative) {
        return test.test(series, 0.5, alternative).pValue();
    }

    /** Rejection counts per test, checkpoint and level. */
    public static final class Counts {
        private final int texts;
        private final int[] lengths;
        private final double[] alphas;
        private final Map<String, long[][]> rejections = new LinkedHashMap<>();
        private final double[] thresholdRatioSums;

        Counts(int texts, int[] lengths, double[] alphas) {
            this.texts = texts;
            this.lengths = lengths.clone();
            this.alphas = alphas.clone();
            TESTS.forEach(name -> rejections.put(name, new long[lengths.length][alphas.length]));
            thresholdRatioSums = new double[lengths.length];
        }

        void record(String test, int checkpoint, double pValue) {
            long[][] table = rejections.get(test);
            for (int a = 0; a < alphas.length; a++) {
                if (pValue <= alphas[a]) {
                    table[checkpoint][a]++;
                }
            }
        }

        void recordThresholdRatio(int checkpoint, double ratio) {
            thresholdRatioSums[checkpoint] += ratio;
        }

        public int texts() {
            return texts;
        }

        public int[] lengths() {
            return lengths.clone();
        }

        public double[] alphas() {
            return alphas.clone();
        }

        /** Fraction of texts rejected by {@code test} at the checkpoint and level (anytime: by then). */
        public double rate(String test, int checkpoint, int alphaIndex) {
            return (double) rejections.get(test)[checkpoint][alphaIndex] / texts;
        }

        /** Mean over texts of the Freedman-Bennett threshold divided by Azuma's (two-sided, alpha 0.05). */
        public double meanThresholdRatio(int checkpoint) {
            return thresholdRatioSums[checkpoint] / texts;
        }
    }
}
