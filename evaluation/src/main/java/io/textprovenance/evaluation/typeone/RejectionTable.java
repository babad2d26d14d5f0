package io.textprovenance.evaluation.typeone;

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

    RejectionTable(Set<String> tests, int[] edges) {
        this.tests = new ArrayList<>(tests);
        this.edges = edges.clone();
        this.texts = new int[edges.length];   // last slot: all lengths
        tests.forEach(test -> rejections.put(test, new int[edges.length]));
    }

    void add(int tokens, Map<String, Boolean> rejected) {
        int bin = bin(tokens);
        texts[bin]++;
        texts[edges.length - 1]++;
        rejected.forEach((test, yes) -> {
            if (yes) {
                rejections.get(test)[bin]++;
                rejections.get(test)[edges.length - 1]++;
            }
        });
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

    private int bin(int tokens) {
        for (int b = 0; b < edges.length - 2; b++) {
            if (tokens < edges[b + 1]) {
                return b;
            }
        }
        return edges.length - 2;
    }
}
