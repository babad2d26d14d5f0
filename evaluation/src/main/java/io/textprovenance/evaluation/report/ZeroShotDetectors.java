package io.textprovenance.evaluation.report;

import io.textprovenance.scoring.ScoredText;
import io.textprovenance.stats.score.DetectionScores;
import io.textprovenance.verdict.DetectorName;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liketropy, the Fast-DetectGPT analytic criterion, mean log-likelihood and the log-rank score. */
public final class ZeroShotDetectors implements Detector {

    public static final String LIKETROPY = DetectorName.LIKETROPY.id();
    public static final String FAST_DETECT_GPT = DetectorName.FAST_DETECT_GPT.id();
    public static final String LOG_LIKELIHOOD = DetectorName.LOG_LIKELIHOOD.id();
    public static final String LOG_RANK = DetectorName.LOG_RANK.id();

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
        DetectorName.zeroShotScores(DetectionScores.of(scored.toTokenSeries()))
                .forEach((name, score) -> scores.put(name.id(), score));
        return scores;
    }
}
