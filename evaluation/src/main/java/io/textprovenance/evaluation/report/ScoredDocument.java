package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.data.DocumentSplit;
import io.textprovenance.evaluation.data.LabeledText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluated text: its labels, the split its human document fell in, how many tokens were scored
 * and each detector's score (larger = more machine-like).
 *
 * @param text         the labeled text
 * @param split        "train", "calibration" or "test", decided by its human document
 * @param document     the key of its human document ({@link DocumentSplit#documentOf}): texts of one document are
 *                     not independent, so rates over texts get intervals by document
 * @param tokens       tokens scored (at most the evaluation's token limit)
 * @param scores       detector name to score
 * @param prefixScores by calibration length L (Prefixes.PREFIX_LENGTHS, up to the text's length):
 *                     the detectors' scores on the text's first L tokens; empty for texts that calibrate or test
 *                     nothing
 */
public record ScoredDocument(LabeledText text, String split, String document, int tokens, Map<String, Double> scores,
                             Map<Integer, Map<String, Double>> prefixScores) {

    public ScoredDocument {
        Objects.requireNonNull(document, "document");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));   // keeps the detectors' order
        prefixScores = Map.copyOf(prefixScores);
    }

    /** A document that is its own human document (the key of its own text). */
    public ScoredDocument(LabeledText text, String split, int tokens, Map<String, Double> scores,
                          Map<Integer, Map<String, Double>> prefixScores) {
        this(text, split, DocumentSplit.documentKey(text.text()), tokens, scores, prefixScores);
    }

    /** A document without prefix scores that is its own human document. */
    public ScoredDocument(LabeledText text, String split, int tokens, Map<String, Double> scores) {
        this(text, split, tokens, scores, Map.of());
    }

    /** The same text with other scores. */
    ScoredDocument withScores(Map<String, Double> other) {
        return new ScoredDocument(text, split, document, tokens, other, prefixScores);
    }
}
