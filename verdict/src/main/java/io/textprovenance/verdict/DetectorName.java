package io.textprovenance.verdict;

import io.textprovenance.stats.score.DetectionScores;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The detection scores a verdict reads, by the names under which calibration.json, the evaluation report
 * and the service's response carry them. Larger is more machine-like for each.
 */
public enum DetectorName {

    /** H - L, nats per token (Radvand et al. 2025). */
    LIKETROPY("liketropy"),
    /** The Fast-DetectGPT analytic criterion: the zero-shot policy's score. */
    FAST_DETECT_GPT("fast-detectgpt"),
    /** Mean log-likelihood, nats per token. */
    LOG_LIKELIHOOD("log-likelihood"),
    /** Minus the mean log-rank. */
    LOG_RANK("log-rank"),
    /** P(machine) from the PAWN head: the policy's score when the model has one. */
    PAWN("pawn");

    /** The zero-shot scores, in the order the service's response and the report list them. */
    public static final List<DetectorName> ZERO_SHOT = List.of(LIKETROPY, FAST_DETECT_GPT, LOG_LIKELIHOOD, LOG_RANK);

    /** The zero-shot score the policy labels by when the model has no PAWN head. */
    public static final DetectorName CRITERION = FAST_DETECT_GPT;

    private final String id;

    DetectorName(String id) {
        this.id = id;
    }

    /** The name in calibration.json, the report and the response, e.g. "fast-detectgpt". */
    public String id() {
        return id;
    }

    /**
     * @throws IllegalArgumentException naming the known names when {@code id} is none of them
     */
    public static DetectorName of(String id) {
        return Arrays.stream(values()).filter(name -> name.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown detector '" + id + "', expected one of "
                        + Arrays.stream(values()).map(DetectorName::id).toList()));
    }

    /** The four zero-shot scores of {@link #ZERO_SHOT}, by name, in that order. */
    public static Map<DetectorName, Double> zeroShotScores(DetectionScores scores) {
        Map<DetectorName, Double> byName = new EnumMap<>(DetectorName.class);
        byName.put(LIKETROPY, scores.liketropy());
        byName.put(FAST_DETECT_GPT, scores.fastDetectGpt());
        byName.put(LOG_LIKELIHOOD, scores.meanLogLikelihood());
        byName.put(LOG_RANK, scores.logRankScore());
        return byName;
    }

    @Override
    public String toString() {
        return id;
    }
}
