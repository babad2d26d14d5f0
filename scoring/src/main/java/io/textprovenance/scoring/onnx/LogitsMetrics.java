package io.textprovenance.scoring.onnx;

import io.textprovenance.scoring.batch.WindowResult;

/**
 * The per-position metrics from one row of logits, in double precision, for models that only output
 * logits. Same definitions as the scoring graph (training/export_onnx.py).
 */
final class LogitsMetrics {

    private LogitsMetrics() {
    }

    /**
     * Fills index {@code j} of {@code result} from logits[offset, offset + vocabulary).
     *
     * @param observed the token actually at the next position
     */
    static void compute(float[] logits, int offset, int vocabulary, long observed, double clip, WindowResult result,
                        int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocabulary; v++) {
            max = Math.max(max, logits[offset + v]);
        }
        double total = 0;
        for (int v = 0; v < vocabulary; v++) {
            total += Math.exp(logits[offset + v] - max);
        }
        double logNormalizer = max + Math.log(total);
        float observedLogit = logits[offset + (int) observed];
        double entropy = 0;
        double secondMoment = 0;
        double clippedMean = 0;
        double clippedSecond = 0;
        double topPMass = 0;
        int above = 0;
        for (int v = 0; v < vocabulary; v++) {
            float logit = logits[offset + v];
            double logP = logit - logNormalizer;
            double p = Math.exp(logP);
            double surprisal = -logP;
            double clipped = Math.min(surprisal, clip);
            entropy += p * surprisal;
            secondMoment += p * surprisal * surprisal;
            clippedMean += p * clipped;
            clippedSecond += p * clipped * clipped;
            if (logit > observedLogit) {
                above++;
            }
            if (logit >= observedLogit) {
                topPMass += p;
            }
        }
        result.logProb()[j] = (float) (observedLogit - logNormalizer);
        result.entropy()[j] = (float) entropy;
        result.varentropy()[j] = (float) Math.max(0, secondMoment - entropy * entropy);
        result.maxLogProb()[j] = (float) (max - logNormalizer);
        result.rankFraction()[j] = (float) ((1.0 + above) / vocabulary);
        result.topPMass()[j] = (float) topPMass;
        result.clippedMean()[j] = (float) clippedMean;
        result.clippedVariance()[j] = (float) Math.max(0, clippedSecond - clippedMean * clippedMean);
    }
}
