package io.textprovenance.stats;

import java.util.List;

/**
 * The per-token metrics of one document under model A, in text order, with the clipping level c they
 * were computed for.
 *
 * <p>Invariants, checked here: at least one token; c finite and &gt; 0; every clipped mean in [0, c]
 * and every clipped variance at most c^2/4 (a variable in an interval of width c cannot vary more).
 *
 * @param clip   clipping level c in nats
 * @param tokens the scored tokens, first to last; copied
 */
public record TokenSeries(double clip, List<TokenObservation> tokens) {

    public TokenSeries {
        if (!(clip > 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
        }
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a token series needs at least one scored token (n = 0)");
        }
        for (int i = 0; i < tokens.size(); i++) {
            requireConsistentWithClip(clip, tokens.get(i), i);
        }
    }

    /** Number of scored tokens n (&gt;= 1). */
    public int size() {
        return tokens.size();
    }

    /** The first {@code n} tokens, as a series of its own. */
    public TokenSeries prefix(int n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("prefix length must be in [1, " + size() + "], got " + n);
        }
        return new TokenSeries(clip, tokens.subList(0, n));
    }

    static void requireConsistentWithClip(double clip, TokenObservation token, int index) {
        if (token.clippedMean() > clip) {
            throw new IllegalArgumentException("token " + index + ": clippedMean " + token.clippedMean()
                    + " exceeds the clipping level " + clip);
        }
        if (token.clippedVariance() > clip * clip / 4) {
            throw new IllegalArgumentException("token " + index + ": clippedVariance " + token.clippedVariance()
                    + " exceeds c^2/4 = " + clip * clip / 4);
        }
    }
}
