package io.textprovenance.evaluation.report;

import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.Proportions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A rate over texts that come in clusters (one human document recurs across files and cut to other lengths, and
 * each has several generators' continuations): texts of one document are not independent, so a Wilson interval
 * over texts is too narrow. The interval is by document instead:
 * <ul>
 *   <li>a cluster bootstrap: D documents drawn with replacement {@value #RESAMPLES} times (seeded), the rate
 *       sum k_d / sum n_d of each draw, its 2.5% and 97.5% percentiles;</li>
 *   <li>when no text or every text is a success, where every draw gives the same rate, the Wilson interval of one
 *       text per document: 0 of D (or D of D).</li>
 * </ul>
 *
 * @param successes texts counted
 * @param texts     texts
 * @param documents distinct documents among them
 * @param interval  95% interval by document; null without texts
 */
public record DocumentRate(long successes, int texts, int documents, Interval interval) {

    static final int RESAMPLES = 2000;
    private static final long SEED = 17;

    /** The rate of {@code success} among {@code members}, clustered by {@link ScoredDocument#document()}. */
    static DocumentRate of(List<ScoredDocument> members, Predicate<ScoredDocument> success) {
        Map<String, long[]> byDocument = new LinkedHashMap<>();
        long successes = 0;
        for (ScoredDocument member : members) {
            long[] counts = byDocument.computeIfAbsent(member.document(), d -> new long[2]);
            boolean counted = success.test(member);
            counts[0] += counted ? 1 : 0;
            counts[1]++;
            successes += counted ? 1 : 0;
        }
        int documents = byDocument.size();
        if (members.isEmpty()) {
            return new DocumentRate(0, 0, 0, null);
        }
        if (successes == 0 || successes == members.size()) {
            return new DocumentRate(successes, members.size(), documents,
                    Proportions.wilson(successes == 0 ? 0 : documents, documents, 0.95));
        }
        return new DocumentRate(successes, members.size(), documents, bootstrap(new ArrayList<>(byDocument.values())));
    }

    private static Interval bootstrap(List<long[]> clusters) {
        Random random = new Random(SEED);
        double[] rates = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            long k = 0;
            long n = 0;
            for (int i = 0; i < clusters.size(); i++) {
                long[] cluster = clusters.get(random.nextInt(clusters.size()));
                k += cluster[0];
                n += cluster[1];
            }
            rates[b] = k / (double) n;
        }
        java.util.Arrays.sort(rates);
        return new Interval(rates[(int) Math.floor(0.025 * (RESAMPLES - 1))], rates[(int) Math.ceil(0.975 * (RESAMPLES - 1))],
                0.95);
    }

    /** successes / texts; NaN without texts. */
    public double rate() {
        return texts == 0 ? Double.NaN : successes / (double) texts;
    }

    /** "0.0123 [0.0050, 0.0250] (15/1242; 258 docs)", or "no texts". */
    String format() {
        if (texts == 0) {
            return "no texts";
        }
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (%d/%d; %d docs)", rate(), interval.lower(),
                interval.upper(), successes, texts, documents);
    }
}
