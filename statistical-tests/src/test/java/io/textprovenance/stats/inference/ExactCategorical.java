package io.textprovenance.stats.inference;

import io.textprovenance.stats.TokenObservation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One next-token distribution p over a vocabulary, with what model A reports for each token computed
 * exactly (centered sums, no sampling): the observation of token v is what the scorer would give if v
 * were drawn. Used to evaluate expectations E_p[f(D)] by enumeration.
 *
 * @param clip          clipping level c
 * @param probabilities p(v), summing to 1
 * @param observations  the observation of each token v
 */
record ExactCategorical(double clip, double[] probabilities, TokenObservation[] observations) {

    /** The distribution proportional to exp(logWeights). */
    static ExactCategorical fromLogWeights(double[] logWeights, double clip) {
        int size = logWeights.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double w : logWeights) {
            max = Math.max(max, w);
        }
        double total = 0;
        for (double w : logWeights) {
            total += Math.exp(w - max);
        }
        double logTotal = max + Math.log(total);
        double[] p = new double[size];
        double[] surprisal = new double[size];
        for (int v = 0; v < size; v++) {
            surprisal[v] = logTotal - logWeights[v];
            p[v] = Math.exp(-surprisal[v]);
        }
        double entropy = 0;
        double clippedMean = 0;
        for (int v = 0; v < size; v++) {
            entropy += p[v] * surprisal[v];
            clippedMean += p[v] * Math.min(surprisal[v], clip);
        }
        double varentropy = 0;
        double clippedVariance = 0;
        for (int v = 0; v < size; v++) {
            double d = surprisal[v] - entropy;
            double dc = Math.min(surprisal[v], clip) - clippedMean;
            varentropy += p[v] * d * d;
            clippedVariance += p[v] * dc * dc;
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        TokenObservation[] observations = new TokenObservation[size];
        for (int v = 0; v < size; v++) {
            // rank 1 + #{u : p(u) > p(v)}: the tokens after the last copy of p(v) in ascending order
            int index = Arrays.binarySearch(sorted, p[v]);
            while (index + 1 < size && sorted[index + 1] == p[v]) {
                index++;
            }
            observations[v] = new TokenObservation(Math.max(0, surprisal[v]), entropy, varentropy,
                    Math.min(clippedMean, clip), clippedVariance, size - index);
        }
        return new ExactCategorical(clip, p, observations);
    }

    /**
     * The near-tight two-point source: one token of probability 1/2 (surprisal ln 2) and {@code rare}
     * tokens sharing the other half, each with surprisal ln(2 rare) &gt;= c; so the clipped surprisal
     * min(s, c) is ln 2 or c with probability 1/2 each, and D^c = +-(c - ln 2)/2.
     */
    static ExactCategorical twoPoint(double clip) {
        int rare = (int) Math.ceil(Math.exp(clip) / 2) + 1;
        double[] logWeights = new double[1 + rare];
        logWeights[0] = Math.log(rare);
        return fromLogWeights(logWeights, clip);
    }

    /**
     * Distributions to enumerate: several vocabulary sizes, from flat to very peaked (logits = sharpness
     * times Gaussian noise), a dominant token with a flat tail, and the two-point source. Seeded.
     */
    static List<ExactCategorical> family(double clip, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ExactCategorical> family = new ArrayList<>();
        for (int size : new int[] {2, 3, 10, 300, 3000}) {
            for (double sharpness : new double[] {0.05, 1, 3, 10}) {
                for (int draw = 0; draw < 2; draw++) {
                    double[] logits = new double[size];
                    for (int v = 0; v < size; v++) {
                        logits[v] = sharpness * gaussian(random);
                    }
                    family.add(fromLogWeights(logits, clip));
                }
            }
            for (double top : new double[] {0.5, 0.9, 0.99, 0.999}) {
                double[] logits = new double[size];
                logits[0] = Math.log(top) - Math.log1p(-top) + Math.log(Math.max(1, size - 1));
                family.add(fromLogWeights(logits, clip));
            }
        }
        family.add(twoPoint(clip));
        return family;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** D^c of token v: min(s_v, c) - E^c, by the production code. */
    double difference(int v) {
        return ClippedIncrements.difference(observations[v], clip);
    }

    int size() {
        return probabilities.length;
    }
}
