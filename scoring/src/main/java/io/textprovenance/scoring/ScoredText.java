package io.textprovenance.scoring;

import io.textprovenance.stats.TokenSeries;
import java.util.List;
import java.util.Optional;

/**
 * A scored document.
 *
 * @param tokens       one entry per token of the document, in order; every token is scored exactly once
 * @param windows      number of model windows the document needed (1 when it fits the context)
 * @param clip         clipping level c of the clipped moments
 * @param vocabulary   vocabulary size V of the model
 * @param hiddenStates the model's last hidden state per input position, when requested: row 0 is the BOS
 *                     position, row i + 1 the position of token i ([tokens + 1][hidden] for all tokens, or
 *                     [k + 1][hidden] when only the first k were asked for). Token i is predicted from row i;
 *                     PAWN's gate reads rows i and i + 1
 */
public record ScoredText(List<TokenMetrics> tokens, int windows, double clip, int vocabulary,
                         Optional<float[][]> hiddenStates) {

    public ScoredText {
        tokens = List.copyOf(tokens);
        hiddenStates = hiddenStates == null ? Optional.empty() : hiddenStates;
        if (hiddenStates.isPresent() && (hiddenStates.get().length > tokens.size() + 1
                || hiddenStates.get().length < Math.min(2, tokens.size() + 1))) {
            throw new IllegalArgumentException("hidden states for " + hiddenStates.get().length
                    + " positions, metrics for " + tokens.size() + " tokens (expected the BOS position and at most"
                    + " one per token, at least one token's)");
        }
    }

    /** The number of tokens scored. */
    public int tokensScored() {
        return tokens.size();
    }

    /** Whether the document was longer than the context and scored in overlapping windows. */
    public boolean windowed() {
        return windows > 1;
    }

    /**
     * The document as the statistical tests read it.
     *
     * @throws IllegalArgumentException if the document has no tokens
     */
    public TokenSeries toTokenSeries() {
        return new TokenSeries(clip, tokens.stream().map(t -> t.toObservation(clip, vocabulary)).toList());
    }
}
