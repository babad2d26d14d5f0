package io.textprovenance.evaluation.typeone;

import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.Proportions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rejection counts per test and token-length bin, rendered as Markdown with Wilson intervals. */
final class RejectionTable {

    private final List<String> tests;
    private final int[] edges;
    private final int[] texts;
    private final Map<String, int[]> rejections = new LinkedHashMap<>();
    private final Map<String, Integer> rejectedAbove = new LinkedHashMap<>();
    private int fewestTokens = Integer.MAX_VALUE;
    private double statisticSum;
    private int statistics;
    private int mostTokens;

    RejectionTable(Set<String> tests, int[] edges) {
        this.tests = new ArrayList<>(tests);
        this.edges = edges.clone();
        this.texts = new int[edges.length];   // last slot: all lengths
        tests.forEach(test -> {
            rejections.put(test, new int[edges.length]);
            rejectedAbove.put(test, 0);
        });
    }

    /**
     * Counts one text: each test's result (a rejection with statistic &gt; 0 counts as "above" too). The tests
     * share one statistic, the mean clipped surprisal minus its expectation; its average over texts is kept.
     */
    void add(int tokens, Map<String, TestResult> results) {
        results.values().stream().findFirst().ifPresent(result -> {
            statisticSum += result.statistic();
            statistics++;
        });
        Map<String, Boolean> rejected = new LinkedHashMap<>();
        results.forEach((test, result) -> {
            rejected.put(test, result.rejected());
            if (result.rejected() && result.statistic() > 0) {
                rejectedAbove.merge(test, 1, Integer::sum);
            }
        });
        count(tokens, rejected);
    }

    private void count(int tokens, Map<String, Boolean> rejected) {
        int bin = bin(tokens);
        texts[bin]++;
        texts[edges.length - 1]++;
        fewestTokens = Math.min(fewestTokens, tokens);
        mostTokens = Math.max(mostTokens, tokens);
        rejected.forEach((test, yes) -> {
            if (yes) {
                rejections.get(test)[bin]++;
                rejections.get(test)[edges.length - 1]++;
            }
        });
    }

    /** Texts counted, all lengths. */
    int texts() {
        return texts[edges.length - 1];
    }

    /** Texts the test rejected, all lengths. */
    int rejected(String test) {
        return rejections.get(test)[edges.length - 1];
    }

    /** The tests' statistic averaged over the texts, nats per token (0 expected under H0); NaN before any. */
    double meanStatistic() {
        return statistics == 0 ? Double.NaN : statisticSum / statistics;
    }

    /** "min-max" tokens of the texts counted. */
    String lengthRange() {
        return texts() == 0 ? "-" : fewestTokens + "-" + mostTokens;
    }

    /**
     * The summary cell of one test: "k/n (upper)", upper the one-sided 95% Clopper-Pearson bound on the rate, and
     * how many of the k rejected texts were less predictable than the model's own samples (statistic &gt; 0).
     */
    String summaryCell(String test) {
        int k = rejected(test);
        String cell = String.format(Locale.ROOT, "%d/%d (%.4f)", k, texts(), upperBound(k, texts(), 0.95));
        return k == 0 ? cell : cell + ", " + rejectedAbove.get(test) + " above";
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| tokens | texts |");
        tests.forEach(test -> out.append(' ').append(test).append(" (95% CI) |"));
        out.append("\n|---|---|").append("---|".repeat(tests.size())).append('\n');
        for (int b = 0; b < edges.length; b++) {
            if (texts[b] == 0) {
                continue;
            }
            String label = b == edges.length - 1 ? "all" : edges[b] + "-" + (edges[b + 1] == Integer.MAX_VALUE
                    ? "" : String.valueOf(edges[b + 1] - 1));
            out.append("| ").append(label).append(" | ").append(texts[b]).append(" |");
            for (String test : tests) {
                int k = rejections.get(test)[b];
                Interval ci = Proportions.wilson(k, texts[b], 0.95);
                out.append(String.format(Locale.ROOT, " %.3f (%.3f-%.3f) |", (double) k / texts[b], ci.lower(),
                        ci.upper()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The one-sided Clopper-Pearson upper confidence bound on a binomial rate: the p at which
     * P(Binomial(n, p) &lt;= k) = 1 - level (1 when k = n); for k = 0 it is 1 - (1 - level)^(1/n), about 3/n at
     * level 0.95. Found by bisection (the tail falls as p grows).
     */
    static double upperBound(int k, int n, double level) {
        if (n < 1 || k < 0 || k > n || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need 0 <= k <= n, n >= 1 and a level in (0, 1)");
        }
        if (k == n) {
            return 1;
        }
        double low = 0;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double p = (low + high) / 2;
            if (binomialCdf(k, n, p) > 1 - level) {
                low = p;
            } else {
                high = p;
            }
        }
        return high;
    }

    /** P(Binomial(n, p) &lt;= k), summing the terms in log space. */
    static double binomialCdf(int k, int n, double p) {
        double logTerm = n * Math.log1p(-p);   // i = 0
        double sum = Math.exp(logTerm);
        for (int i = 0; i < k; i++) {
            logTerm += Math.log((double) (n - i) / (i + 1)) + Math.log(p) - Math.log1p(-p);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }

    private int bin(int tokens) {
        for (int b = 0; b < edges.length - 2; b++) {
            if (tokens < edges[b + 1]) {
                return b;
            }
        }
        return edges.length - 2;
    }
}
