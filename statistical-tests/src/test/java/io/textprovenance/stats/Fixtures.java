package io.textprovenance.stats;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made token series for deterministic tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * n identical tokens whose clipped difference is {@code difference} and whose clipped variance is
     * {@code variance} (clip 10, clipped mean 3).
     */
    public static TokenSeries constant(int n, double difference, double variance) {
        List<TokenObservation> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(new TokenObservation(3 + difference, 3, variance, 3, variance, 1));
        }
        return new TokenSeries(10, tokens);
    }

    public static TokenObservation token(double surprisal, double entropy, double varentropy, double rank) {
        return new TokenObservation(surprisal, entropy, varentropy, Math.min(entropy, 10), varentropy, rank);
    }
}
