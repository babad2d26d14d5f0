package io.textprovenance.scoring;

import io.textprovenance.scoring.tokenizer.TokenizedText;

/**
 * Turns text into per-token metrics under one causal language model. Implementations are thread-safe
 * and own their native resources; close them once, when no call is in flight.
 */
public interface Scorer extends AutoCloseable {

    /**
     * Scores every token of {@code text}. A text longer than the model's context is scored in
     * overlapping windows; nothing is truncated.
     *
     * @param text              the document; may be empty (then no token is scored)
     * @param withHiddenStates  whether to return the last hidden state of every token
     * @throws IllegalArgumentException   if the text is not valid UTF-16 (an unpaired surrogate)
     * @throws ScorerOverloadedException  if the scorer's queue is full; retry later
     * @throws ScoringException           if the runtime fails
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted while its windows
     *                                    wait: they are withdrawn and never run
     */
    ScoredText score(String text, boolean withHiddenStates);

    /**
     * Scores a document given as token ids (without the BOS token, which is prepended), exactly as a
     * model sampled them: no re-tokenization. Offsets in the result are 0.
     *
     * @throws IllegalArgumentException if an id is outside the vocabulary
     */
    ScoredText scoreTokens(long[] tokenIds, boolean withHiddenStates);

    /**
     * Tokenizes without scoring, with the model's own tokenizer (no BOS, no truncation).
     *
     * @throws IllegalArgumentException if the text holds an unpaired surrogate
     */
    TokenizedText tokenize(String text);

    /**
     * Scores every token of {@code text}, with the last hidden states of the BOS position and of the first
     * {@code hiddenStateTokens} tokens only (none for 0): a head that reads a text's first tokens needs no more,
     * and a long document's states are tokens x hidden-size floats. This default returns the states of every
     * token when any is asked for; {@link io.textprovenance.scoring.onnx.OnnxScorer} returns only those asked.
     *
     * @throws IllegalArgumentException if {@code hiddenStateTokens} is negative, or as {@link #score(String, boolean)}
     */
    default ScoredText score(String text, int hiddenStateTokens) {
        if (hiddenStateTokens < 0) {
            throw new IllegalArgumentException("hiddenStateTokens must be at least 0, got " + hiddenStateTokens);
        }
        return score(text, hiddenStateTokens > 0);
    }

    /** Scores without hidden states. */
    default ScoredText score(String text) {
        return score(text, false);
    }

    /** The model this scorer runs. */
    ModelManifest manifest();

    /** The model, the device, the text normalization and the queue, as of now. */
    ScorerInfo info();

    @Override
    void close();
}
