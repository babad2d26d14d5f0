package io.textprovenance.evaluation.report;

import io.textprovenance.scoring.ScoredText;
import io.textprovenance.stats.score.DetectionScores;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liketropy, the Fast-DetectGPT analytic criterion, mean log-likelihood and the log-rank score. */
public final class ZeroShotDetectors implements Detector {

    public static final String LIKETROPY = "liketropy";
    public static final String FAST_DETECT_GPT = "fast-detectgpt";
    public static final String LOG_LIKELIHOOD = "log-likelihood";
    public static final String LOG_RANK = "log-rank";

    @Override
    public boolean needsHiddenStates() {
        return false;
    }

    @Override
    public Map<String, Double> scores(ScoredText scored) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (scored.tokensScored() == 0) {
            return scores;
        }
        DetectionScores detection = DetectionScores.of(scored.toTokenSeries());
        scores.put(LIKETROPY, detection.liketropy());
        scores.put(FAST_DETECT_GPT, detection.fastDetectGpt());
        scores.put(LOG_LIKELIHOOD, detection.meanLogLikelihood());
        scores.put(LOG_RANK, detection.logRankScore());
        return scores;
    }
}
