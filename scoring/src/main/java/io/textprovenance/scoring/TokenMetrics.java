package io.textprovenance.scoring;

import io.textprovenance.stats.TokenObservation;

/**
 * What the model says about one token of a document, predicted from its prefix (at least half a
 * context of it when the document was windowed).
 *
 * @param tokenId         the token's id
 * @param start           first UTF-16 index of the token's text in the document
 * @param end             one past its last UTF-16 index
 * @param logProb         ln p(x_i | prefix), nats
 * @param entropy         entropy of the next-token distribution, nats
 * @param varentropy      variance of -ln p(v) under that distribution, nats^2
 * @param maxLogProb      max_v ln p(v)
 * @param rankFraction    (1 + #{v : p(v) &gt; p(x_i)}) / V
 * @param topPMass        sum of p(v) over v with p(v) &gt;= p(x_i)
 * @param clippedMean     E[min(-ln p(v), c)]
 * @param clippedVariance Var[min(-ln p(v), c)]
 */
public record TokenMetrics(long tokenId, int start, int end, float logProb, float entropy, float varentropy,
                           float maxLogProb, float rankFraction, float topPMass, float clippedMean,
                           float clippedVariance) {

    /**
     * The per-token metrics by name, in this record's order: the scoring graph's outputs, and the columns of the
     * evaluation's feature cache (one list, so that no reader names them otherwise).
     */
    public static final java.util.List<String> NAMES = java.util.List.of("token_logprob", "entropy", "varentropy",
            "max_logprob", "rank_fraction", "top_p_mass", "clipped_mean", "clipped_var");

    /**
     * The token as the statistical tests read it. Float rounding can put a value a hair outside its
     * mathematical range (a variance of -1e-8, a clipped mean above c by one ulp); such values are
     * clamped here, and only here.
     *
     * @param clip       the clipping level c the clipped moments were computed for
     * @param vocabulary the vocabulary size V (to turn the rank fraction back into a rank)
     */
    public TokenObservation toObservation(double clip, int vocabulary) {
        double surprisal = Math.max(0.0, -logProb);
        double rank = Math.max(1.0, Math.rint(rankFraction * (double) vocabulary));
        return new TokenObservation(surprisal, Math.max(0.0, entropy), Math.max(0.0, varentropy),
                Math.min(clip, Math.max(0.0, clippedMean)),
                Math.min(clip * clip / 4, Math.max(0.0, clippedVariance)), rank);
    }
}
