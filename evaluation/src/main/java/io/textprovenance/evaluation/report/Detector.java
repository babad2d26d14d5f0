package io.textprovenance.evaluation.report;

import io.textprovenance.scoring.ScoredText;
import java.util.Map;

/** Turns a scored text into one or more named detection scores (larger = more machine-like). */
public interface Detector {

    /** Whether the detector reads the model's hidden states. */
    boolean needsHiddenStates();

    /**
     * Whether the detector was trained on this data's "train" split: its scores then count only on the
     * "test" split, so that no text it learned from is used to judge it.
     */
    default boolean trained() {
        return false;
    }

    /** Scores by name; empty if the text cannot be scored (no tokens). */
    Map<String, Double> scores(ScoredText scored);
}
