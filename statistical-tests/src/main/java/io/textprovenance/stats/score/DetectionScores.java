package io.textprovenance.stats.score;

import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;

/**
 * Zero-shot scores of one document under one model; larger is more machine-like for each.
 *
 * <ul>
 *   <li>liketropy = H - L = mean_i H_i - mean_i s_i (Radvand et al. 2025): zero in expectation for
 *       A's own temperature-1 samples, positive for truncated decoding, negative for human text.</li>
 *   <li>Fast-DetectGPT analytic criterion (Bao et al., ICLR 2024) with the same model sampling and
 *       scoring: (sum_i ln p(x_i) + sum_i H_i) / sqrt(sum_i V_i), i.e. liketropy standardised by its
 *       own standard deviation under H0.</li>
 *   <li>mean log-likelihood = mean_i ln p(x_i) = -L.</li>
 *   <li>log-rank score = -mean_i ln rank_i (ranks from 1; the DetectGPT paper's log-rank baseline).</li>
 * </ul>
 *
 * @param tokens             number of tokens n
 * @param liketropy          H - L, nats per token
 * @param fastDetectGpt      the analytic criterion, in standard deviations
 * @param meanLogLikelihood  -L, nats per token
 * @param logRankScore       -mean ln rank
 */
public record DetectionScores(int tokens, double liketropy, double fastDetectGpt, double meanLogLikelihood,
                              double logRankScore) {

    /**
     * Computes all scores.
     *
     * @throws IllegalArgumentException if every varentropy is zero: the Fast-DetectGPT criterion is then
     *                                  0/0 (every next-token distribution was a point mass)
     */
    public static DetectionScores of(TokenSeries series) {
        double surprisalSum = 0;
        double entropySum = 0;
        double varentropySum = 0;
        double logRankSum = 0;
        for (TokenObservation token : series.tokens()) {
            surprisalSum += token.surprisal();
            entropySum += token.entropy();
            varentropySum += token.varentropy();
            logRankSum += Math.log(token.rank());
        }
        if (!(varentropySum > 0)) {
            throw new IllegalArgumentException("the varentropy sum is 0: every next-token distribution is a"
                    + " point mass, so the Fast-DetectGPT criterion is undefined");
        }
        int n = series.size();
        double criterion = (entropySum - surprisalSum) / Math.sqrt(varentropySum);
        return new DetectionScores(n, (entropySum - surprisalSum) / n, criterion, -surprisalSum / n,
                -logRankSum / n);
    }
}
