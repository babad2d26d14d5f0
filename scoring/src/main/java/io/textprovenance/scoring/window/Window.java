package io.textprovenance.scoring.window;

/**
 * One model call's slice of a document's input sequence (BOS followed by the document's tokens).
 *
 * <p>The model reads input positions [start, end) and predicts, from each position p, the token at
 * p + 1. This window contributes the predictions of the input tokens at positions [scoredFrom, end):
 * each of them sees at least {@code scoredFrom - start} tokens of left context.
 *
 * @param start      first input position fed to the model
 * @param end        one past the last input position fed to the model
 * @param scoredFrom first input position whose token this window scores (&gt;= start + 1)
 */
public record Window(int start, int end, int scoredFrom) {

    public Window {
        if (start < 0 || scoredFrom <= start || scoredFrom > end) {
            throw new IllegalArgumentException("invalid window [" + start + ", " + end + ") scoring from "
                    + scoredFrom);
        }
    }

    /** Number of input positions fed to the model. */
    public int length() {
        return end - start;
    }

    /** Number of tokens this window scores. */
    public int scoredTokens() {
        return end - scoredFrom;
    }
}
