package io.textprovenance.evaluation.report;

import io.textprovenance.scoring.ScoredText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detector scores of a text's first L tokens, for the calibration lengths L: the human references of a
 * short text are human texts cut to a similar length, not whole documents whose scores are less spread.
 *
 * <p>The model is causal and only the lengths that fit in the first context window are used (BOS + L
 * tokens &lt;= the context), so the metrics and hidden states of a text's first L tokens are those of
 * scoring the L-token prefix alone: no text is scored again.
 */
final class Prefixes {

    /** The calibration lengths in tokens, those below the model's context length being used. */
    static final List<Integer> LENGTHS = List.of(32, 48, 64, 96, 128, 192);

    /**
     * The longest calibration length: its references are whole texts of at least that many tokens
     * ({@code CalibrationFit.atLength}), so no text is cut to it; the shorter lengths are prefixes.
     */
    static final int LONGEST = LENGTHS.get(LENGTHS.size() - 1);

    /** The calibration lengths whose references are prefixes: all but {@link #LONGEST}. */
    static final List<Integer> PREFIX_LENGTHS = LENGTHS.subList(0, LENGTHS.size() - 1);

    /** The first {@code length} tokens of a scored text (with their hidden states when present). */
    static ScoredText prefix(ScoredText scored, int length) {
        if (length > scored.tokensScored()) {
            throw new IllegalArgumentException("a prefix of " + length + " tokens of a text of " + scored.tokensScored());
        }
        return new ScoredText(scored.tokens().subList(0, length), 1, scored.clip(), scored.vocabulary(),
                scored.hiddenStates().map(rows -> Arrays.copyOf(rows, Math.min(rows.length, length + 1))));
    }

    /**
     * Each detector's scores on the text's prefixes of every length of {@link #PREFIX_LENGTHS} it reaches
     * (its whole length included when it is one of them) and that fits in the first window of a model of context
     * {@code contextLength}, by length.
     */
    static Map<Integer, Map<String, Double>> scores(ScoredText scored, List<Detector> detectors, int contextLength) {
        Map<Integer, Map<String, Double>> byLength = new LinkedHashMap<>();
        for (int length : PREFIX_LENGTHS) {
            if (length > scored.tokensScored() || length + 1 > contextLength) {
                break;
            }
            ScoredText prefix = prefix(scored, length);
            Map<String, Double> scores = new LinkedHashMap<>();
            detectors.forEach(detector -> scores.putAll(detector.scores(prefix)));
            byLength.put(length, scores);
        }
        return byLength;
    }

    private Prefixes() {
    }
}
