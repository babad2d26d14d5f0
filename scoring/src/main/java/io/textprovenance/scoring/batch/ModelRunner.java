package io.textprovenance.scoring.batch;

import java.util.List;

/** Runs one padded batch of windows through the model. Thread-safe. */
public interface ModelRunner {

    /**
     * @param windows         input ids of each window (BOS already in place where it belongs), each of
     *                        length &gt;= 2 and at most the context
     * @param withHiddenStates whether to return the last hidden states
     * @return one result per window, in order
     * @throws io.textprovenance.scoring.ScoringException if the runtime fails
     */
    List<WindowResult> run(List<long[]> windows, boolean withHiddenStates);

    /** Bytes copied out of the runtime since the runner was created (for the benchmark). */
    long bytesCopiedOut();
}
