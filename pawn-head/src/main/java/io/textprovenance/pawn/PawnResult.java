package io.textprovenance.pawn;

/**
 * PAWN's answer for one document.
 *
 * @param probability  P(machine), in [0, 1]
 * @param tokensRead   tokens the head read: the first min(n, 512) of the document, as it was trained
 * @param tokenWeights the gate's weight of each token read (mean over gate channels; sums to 1)
 */
public record PawnResult(double probability, int tokensRead, float[] tokenWeights) {

    public PawnResult {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalStateException("PAWN produced probability " + probability);
        }
        tokenWeights = tokenWeights.clone();
    }

    @Override
    public float[] tokenWeights() {
        return tokenWeights.clone();
    }
}
