package io.textprovenance.stats.inference;

import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;

/**
 * The sufficient statistics of the clipped martingale: n, S_n = sum_i (min(s_i, c) - E_i^c) and
 * W_n = sum_i Var_i, the predictable variance of the clipped surprisal under A.
 *
 * @param n           number of tokens
 * @param sum         S_n, in nats
 * @param varianceSum W_n, in nats^2
 * @param clip        clipping level c
 */
record ClippedIncrements(int n, double sum, double varianceSum, double clip) {

    static ClippedIncrements of(TokenSeries series) {
        double clip = series.clip();
        double sum = 0;
        double varianceSum = 0;
        for (TokenObservation token : series.tokens()) {
            sum += difference(token, clip);
            varianceSum += token.clippedVariance();
        }
        return new ClippedIncrements(series.size(), sum, varianceSum, clip);
    }

    /** D_i^c = min(s_i, c) - E_i^c. */
    static double difference(TokenObservation token, double clip) {
        return token.clippedSurprisal(clip) - token.clippedMean();
    }

    double mean() {
        return sum / n;
    }
}
