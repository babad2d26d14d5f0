package io.textprovenance.verdict;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rule that labels a text: its scores' p-values from a {@link CalibrationTable}, then the
 * {@link VerdictPolicy}. The service labels traffic with it and the evaluation measures it, so a report describes
 * the labels the service gives with the same calibration and {@link PolicyThresholds}.
 */
public final class Judge {

    private final CalibrationTable calibration;
    private final VerdictPolicy policy;

    public Judge(CalibrationTable calibration, PolicyThresholds thresholds) {
        this.calibration = java.util.Objects.requireNonNull(calibration, "calibration");
        this.policy = new VerdictPolicy(thresholds);
    }

    public CalibrationTable calibration() {
        return calibration;
    }

    public PolicyThresholds thresholds() {
        return policy.thresholds();
    }

    /** Every score's p-values and the policy's decision by {@link TextScores#policyScore()}. */
    public Judgement judge(TextScores text) {
        Map<DetectorName, PValues> pValues = new EnumMap<>(DetectorName.class);
        text.scores().forEach((name, score) -> pValues.put(name, calibration.pValues(name, score, text.tokensOf(name))));
        DetectorName policyScore = text.policyScore();
        Decision decision = policy.decide(text, policyScore, pValues.getOrDefault(policyScore, PValues.NONE));
        return new Judgement(decision, policyScore, pValues);
    }

    /** The decision had the policy read score {@code name} (see {@link VerdictPolicy#decide}). */
    public Decision decideBy(DetectorName name, TextScores text) {
        Double score = text.scores().get(name);
        PValues p = score == null ? PValues.NONE : calibration.pValues(name, score, text.tokensOf(name));
        return policy.decide(text, name, p);
    }

    /**
     * @param decision    the policy's decision
     * @param policyScore the score it read (PAWN with a head, else the Fast-DetectGPT criterion)
     * @param pValues     every score's p-values ({@link PValues#NONE} when uncalibrated)
     */
    public record Judgement(Decision decision, DetectorName policyScore, Map<DetectorName, PValues> pValues) {

        public Judgement {
            pValues = pValues.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(pValues));
        }

        public Label label() {
            return decision.label();
        }

        /** The p-values of one score; {@link PValues#NONE} when it is uncalibrated or absent. */
        public PValues of(DetectorName name) {
            return pValues.getOrDefault(name, PValues.NONE);
        }

        /** The length of the references behind the policy score's p-values; null for whole texts or none. */
        public Integer referenceTokens() {
            return of(policyScore).referenceTokens();
        }
    }
}
