package io.textprovenance.evaluation.report;

import io.textprovenance.pawn.PawnHead;
import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.Label;
import io.textprovenance.verdict.TextScores;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The service's labels of evaluated texts, by the verdict library's {@link Judge}: the same calibration table
 * and policy code that labels the service's traffic, given the scores the evaluation computed.
 */
final class ServiceLabels {

    private ServiceLabels() {
    }

    /**
     * What the policy reads about a text: its scores by name (scores that are no {@link DetectorName} are left
     * out), its length, and the tokens PAWN read (its first {@link PawnHead#MAX_TOKENS}).
     */
    static TextScores scoresOf(ScoredDocument document) {
        Map<DetectorName, Double> scores = new EnumMap<>(DetectorName.class);
        for (DetectorName name : DetectorName.values()) {
            Double score = document.scores().get(name.id());
            if (score != null) {
                scores.put(name, score);
            }
        }
        int pawnTokens = scores.containsKey(DetectorName.PAWN) ? Math.min(document.tokens(), PawnHead.MAX_TOKENS) : 0;
        return TextScores.of(document.text().text(), document.tokens(), scores, pawnTokens);
    }

    /** The label with {@code name} as the policy's score; null when the text has no such score. */
    static Label labelBy(Judge judge, DetectorName name, ScoredDocument document) {
        return document.scores().containsKey(name.id()) ? judge.decideBy(name, scoresOf(document)).label() : null;
    }

    /** {@link #labelBy} of each document as "machine", "human", "uncertain" or null, in order. */
    static List<String> labels(Judge judge, DetectorName name, List<ScoredDocument> documents) {
        return documents.stream().map(d -> {
            Label label = labelBy(judge, name, d);
            return label == null ? null : label.id();
        }).toList();
    }
}
