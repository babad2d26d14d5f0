package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.data.LabeledText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluated text: its labels, the split its human document fell in, how many tokens were scored
 * and each detector's score (larger = more machine-like).
 *
 * @param text   the labeled text
 * @param split  "train", "calibration" or "test", decided by its human document
 * @param tokens tokens scored (at most the evaluation's token limit)
 * @param scores detector name to score
 * @param prefixScores by calibration length L (Prefixes.LENGTHS, up to the text's length): the detectors'
 *                     scores on the text's first L tokens; empty for texts that calibrate or test nothing
 */
public record ScoredDocument(LabeledText text, String split, int tokens, Map<String, Double> scores,
                             Map<Integer, Map<String, Double>> prefixScores) {

    public ScoredDocument {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));   // keeps the detectors' order
        prefixScores = Map.copyOf(prefixScores);
    }

    /** A document without prefix scores. */
    public ScoredDocument(LabeledText text, String split, int tokens, Map<String, Double> scores) {
        this(text, split, tokens, scores, Map.of());
    }
}
