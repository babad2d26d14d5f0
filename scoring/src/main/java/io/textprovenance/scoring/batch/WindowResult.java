package io.textprovenance.scoring.batch;

/**
 * The model's output for one window of L input positions: metric arrays of length L - 1 (index j
 * describes the prediction of input position j + 1 from positions up to j) and, when requested, the
 * last hidden state of each of the L positions.
 */
public record WindowResult(float[] logProb, float[] entropy, float[] varentropy, float[] maxLogProb,
                           float[] rankFraction, float[] topPMass, float[] clippedMean, float[] clippedVariance,
                           float[][] hiddenStates) {

    /** Allocates a result for a window of {@code length} positions. */
    public static WindowResult allocate(int length, int hiddenSize, boolean withHidden) {
        int n = length - 1;
        return new WindowResult(new float[n], new float[n], new float[n], new float[n], new float[n], new float[n],
                new float[n], new float[n], withHidden ? new float[length][hiddenSize] : null);
    }

    /** Number of predictions (window length - 1). */
    public int predictions() {
        return logProb.length;
    }
}
