package io.textprovenance.stats.inference;

import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;

/**
 * The sufficient statistics of the Azuma test: n and S_n = sum_i (min(s_i, c) - E_i^c).
 *
 * @param n    number of tokens
 * @param sum  S_n, in nats
 * @param clip clipping level c
 */
record ClippedIncrements(int n, double sum, double clip) {

    static ClippedIncrements of(TokenSeries series) {
        double clip = series.clip();
        double sum = 0;
        for (TokenObservation token : series.tokens()) {
            sum += difference(token, clip);
        }
        return new ClippedIncrements(series.size(), sum, clip);
    }

    /** D_i^c = min(s_i, c) - E_i^c. */
    static double difference(TokenObservation token, double clip) {
        return token.clippedSurprisal(clip) - token.clippedMean();
    }

    double mean() {
        return sum / n;
    }
}
