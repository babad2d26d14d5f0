package io.textprovenance.stats.synthetic;

import io.textprovenance.stats.TokenObservation;
import java.util.SplittableRandom;

/**
 * One next-token distribution p over a small vocabulary, with everything model A would report for
 * each possible token, precomputed exactly: surprisal, entropy, varentropy, clipped mean and variance,
 * rank.
 */
final class Categorical {

    private final double[] probabilities;
    private final double[] cumulative;
    private final TokenObservation[] observations;

    private Categorical(double[] logProbabilities, double clip) {
        int size = logProbabilities.length;
        probabilities = new double[size];
        cumulative = new double[size];
        double entropy = 0;
        double secondMoment = 0;
        double clippedMean = 0;
        double clippedSecond = 0;
        double running = 0;
        for (int v = 0; v < size; v++) {
            double p = Math.exp(logProbabilities[v]);
            double s = -logProbabilities[v];
            double clipped = Math.min(s, clip);
            probabilities[v] = p;
            entropy += p * s;
            secondMoment += p * s * s;
            clippedMean += p * clipped;
            clippedSecond += p * clipped * clipped;
            running += p;
            cumulative[v] = running;
        }
        double varentropy = Math.max(0, secondMoment - entropy * entropy);
        double clippedVariance = Math.max(0, clippedSecond - clippedMean * clippedMean);
        clippedMean = Math.min(clippedMean, clip);
        observations = new TokenObservation[size];
        for (int v = 0; v < size; v++) {
            int above = 0;
            for (double other : probabilities) {
                if (other > probabilities[v]) {
                    above++;
                }
            }
            observations[v] = new TokenObservation(-logProbabilities[v], entropy, varentropy, clippedMean,
                    clippedVariance, 1 + above);
        }
    }

    /** A distribution from a symmetric Dirichlet(concentration) over {@code size} tokens. */
    static Categorical dirichlet(int size, double concentration, double clip, SplittableRandom random) {
        double[] logGamma = new double[size];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < size; v++) {
            logGamma[v] = Gammas.logSample(concentration, random);
            max = Math.max(max, logGamma[v]);
        }
        return fromLogWeights(logGamma, max, clip);
    }

    /** p^(1/temperature), renormalised: temperature below 1 sharpens, as truncated decoding does. */
    Categorical tempered(double temperature, double clip) {
        double[] logWeights = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < probabilities.length; v++) {
            logWeights[v] = -observations[v].surprisal() / temperature;
            max = Math.max(max, logWeights[v]);
        }
        return fromLogWeights(logWeights, max, clip);
    }

    /** (1 - weight) p + weight q: another model that shares part of A's knowledge. */
    Categorical mixedWith(Categorical other, double weight, double clip) {
        double[] logWeights = new double[probabilities.length];
        for (int v = 0; v < probabilities.length; v++) {
            double a = -observations[v].surprisal();
            double b = -other.observations[v].surprisal();
            double m = Math.max(a, b);  // ln((1-w) e^a + w e^b) without underflow
            logWeights[v] = m + Math.log((1 - weight) * Math.exp(a - m) + weight * Math.exp(b - m));
        }
        return fromLogWeights(logWeights, 0, clip);
    }

    private static Categorical fromLogWeights(double[] logWeights, double max, double clip) {
        double total = 0;
        for (double w : logWeights) {
            total += Math.exp(w - max);
        }
        double logTotal = max + Math.log(total);
        double[] logProbabilities = new double[logWeights.length];
        for (int v = 0; v < logWeights.length; v++) {
            logProbabilities[v] = logWeights[v] - logTotal;
        }
        return new Categorical(logProbabilities, clip);
    }

    int sample(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    TokenObservation observation(int token) {
        return observations[token];
    }
}
