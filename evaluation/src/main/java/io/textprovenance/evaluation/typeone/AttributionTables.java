package io.textprovenance.evaluation.typeone;

import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.stats.attribution.ModelAttribution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of {@link AttributionCheck}'s report, in Markdown: the models tested, per test the confusion table with
 * its breakdowns, and the maximum-likelihood attribution.
 */
final class AttributionTables {

    static final int[] BIN_EDGES = {0, 64, 128, 256, 512, Integer.MAX_VALUE};

    static String header(Map<Path, OnnxScorer> scorers, double alpha) {
        StringBuilder out = new StringBuilder("Models (K = ").append(scorers.size()).append("): ");
        List<String> parts = new ArrayList<>();
        scorers.forEach((dir, scorer) -> parts.add(String.format(Locale.ROOT, "%s %s (%s, sha256 %s, c = %.1f nats)",
                scorer.manifest().name(), scorer.manifest().version(), dir, scorer.manifest().shortSha(),
                scorer.manifest().clipNats())));
        out.append(String.join("; ", parts)).append(String.format(Locale.ROOT, ". Family level alpha = %s, Bonferroni:"
                + " each model tested at alpha / K = %s, two-sided. Every text scored from its text by each model's own"
                + " tokenizer (the service's path).%n%n", alpha, alpha / scorers.size()));
        return out.toString();
    }

    /** The confusion table of one test, the outcomes' breakdown, the uncorrected rates and power by length. */
    static String confusion(List<Outcome> outcomes, List<String> models, String test, double alpha, boolean ids) {
        List<String> sources = outcomes.stream().map(Outcome::source).distinct().toList();
        int k = models.size();
        StringBuilder out = new StringBuilder();
        out.append("**").append(test).append(": attribution confusion table** (row: the model the texts were sampled"
                + " from; column: the model tested; cell: texts attributed to the column's model, i.e. its H0 not"
                + " rejected at alpha / K, k/n = rate, with the one-sided 95% Clopper-Pearson bound: a lower bound on"
                + " the diagonal, where at least 1 - alpha/K is guaranteed, an upper bound off it, which is power)\n\n");
        out.append("| sampled from | n | tokens (own tokenizer) |");
        models.forEach(m -> out.append(" attributed to ").append(m).append(" |"));
        if (ids) {
            out.append(" own model rejected, sampled ids (H0 exact) |");
        }
        out.append("\n|---|---|---|").append("---|".repeat(k)).append(ids ? "---|\n" : "\n");
        for (String source : sources) {
            List<Outcome> rows = outcomes.stream().filter(o -> o.source().equals(source) && o.tested(test)).toList();
            int n = rows.size();
            if (n == 0) {
                continue;
            }
            int fewest = rows.stream().mapToInt(Outcome::sourceTokens).min().orElse(0);
            int most = rows.stream().mapToInt(Outcome::sourceTokens).max().orElse(0);
            out.append("| ").append(source).append(" | ").append(n).append(" | ").append(fewest).append('-')
                    .append(most).append(" |");
            for (String model : models) {
                int kept = (int) rows.stream().filter(o -> !o.of(test, model).rejected()).count();
                out.append(' ').append(cell(kept, n, model.equals(source))).append(" |");
            }
            if (ids) {
                double level = alpha / k;
                int rejected = (int) rows.stream().filter(o -> o.idsPValues().get(test) <= level).count();
                out.append(String.format(Locale.ROOT, " %d/%d (<= %.3f) |", rejected, n,
                        RejectionTable.upperBound(rejected, n, 0.95)));
            }
            out.append('\n');
        }
        out.append("\nAttributed to (the set of models not rejected):\n\n| sampled from | n | the source only |"
                + " the source and another | other models only | none |\n|---|---|---|---|---|---|\n");
        for (String source : sources) {
            List<Outcome> rows = outcomes.stream().filter(o -> o.source().equals(source) && o.tested(test)).toList();
            int[] counts = new int[4];
            for (Outcome o : rows) {
                boolean own = !o.of(test, source).rejected();
                boolean other = models.stream().anyMatch(m -> !m.equals(source) && !o.of(test, m).rejected());
                counts[own && !other ? 0 : own ? 1 : other ? 2 : 3]++;
            }
            out.append("| ").append(source).append(" | ").append(rows.size()).append(" |");
            for (int c : counts) {
                out.append(' ').append(c).append(" |");
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nWithout the correction (each model at alpha = %s): own model rejected,"
                + " and texts attributed to another model:%n%n| sampled from | n | own model rejected | attributed to"
                + " another |%n|---|---|---|---|%n", alpha));
        for (String source : sources) {
            List<Outcome> rows = outcomes.stream().filter(o -> o.source().equals(source) && o.tested(test)).toList();
            int ownRejected = (int) rows.stream().filter(o -> o.of(test, source).result().pValue() <= alpha).count();
            int other = (int) rows.stream().filter(o -> models.stream().anyMatch(m -> !m.equals(source)
                    && o.of(test, m).result().pValue() > alpha)).count();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", source, rows.size(), ownRejected, other));
        }
        out.append("\nAttributed to another model, by length (the source's tokens):\n\n| sampled from | tokens | n |"
                + " attributed to another model |\n|---|---|---|---|\n");
        for (String source : sources) {
            for (int b = 0; b + 1 < BIN_EDGES.length; b++) {
                int low = BIN_EDGES[b];
                int high = BIN_EDGES[b + 1];
                List<Outcome> rows = outcomes.stream().filter(o -> o.source().equals(source) && o.tested(test)
                        && o.sourceTokens() >= low && o.sourceTokens() < high).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                int other = (int) rows.stream().filter(o -> models.stream().anyMatch(m -> !m.equals(source)
                        && !o.of(test, m).rejected())).count();
                out.append(String.format(Locale.ROOT, "| %s | %d-%s | %d | %s |%n", source, low,
                        high == Integer.MAX_VALUE ? "" : String.valueOf(high - 1), rows.size(),
                        cell(other, rows.size(), false)));
            }
        }
        return out.append('\n').toString();
    }

    /**
     * The maximum-likelihood attribution (not a test: no false-positive guarantee): the model under which each text is
     * most probable, and the margin ln p_source(text) - max over the other models, in nats and per source token.
     */
    static String mostLikely(List<Outcome> outcomes, List<String> models, String test) {
        List<String> sources = outcomes.stream().map(Outcome::source).distinct().toList();
        StringBuilder out = new StringBuilder("**Maximum likelihood** (not a test: the model under which the text is"
                + " most probable, ln p(text) summed over each model's own tokens; no false-positive guarantee) and the"
                + " margin ln p_source(text) - max over the other models (negative: another model is more likely)\n\n"
                + "| sampled from | n |");
        models.forEach(m -> out.append(" most likely ").append(m).append(" |"));
        out.append(" margin, nats: 5th percentile / median | margin per source token: 5th percentile / median |\n"
                + "|---|---|").append("---|".repeat(models.size())).append("---|---|\n");
        for (String source : sources) {
            List<Outcome> rows = outcomes.stream().filter(o -> o.source().equals(source) && o.tested(test)).toList();
            int n = rows.size();
            if (n == 0) {
                continue;
            }
            out.append("| ").append(source).append(" | ").append(n).append(" |");
            for (String model : models) {
                int k = (int) rows.stream().filter(o -> ModelAttribution.mostLikely(
                        o.results().get(test)).equals(model)).count();
                out.append(' ').append(cell(k, n, model.equals(source))).append(" |");
            }
            double[] margins = new double[n];
            double[] perToken = new double[n];
            for (int i = 0; i < n; i++) {
                Outcome o = rows.get(i);
                double own = o.of(test, source).logLikelihood();
                double other = models.stream().filter(m -> !m.equals(source))
                        .mapToDouble(m -> o.of(test, m).logLikelihood()).max().orElse(Double.NEGATIVE_INFINITY);
                margins[i] = own - other;
                perToken[i] = margins[i] / o.sourceTokens();
            }
            java.util.Arrays.sort(margins);
            java.util.Arrays.sort(perToken);
            out.append(String.format(Locale.ROOT, " %.1f / %.1f | %.2f / %.2f |%n", margins[(int) (0.05 * (n - 1))],
                    margins[(n - 1) / 2], perToken[(int) (0.05 * (n - 1))], perToken[(n - 1) / 2]));
        }
        return out.append('\n').toString();
    }

    /** "k/n = rate (>= lower)" on the diagonal, "k/n = rate (<= upper)" off it; one-sided 95% Clopper-Pearson. */
    static String cell(int kept, int n, boolean diagonal) {
        double rate = (double) kept / n;
        return diagonal
                ? String.format(Locale.ROOT, "%d/%d = %.3f (>= %.3f)", kept, n, rate,
                        1 - RejectionTable.upperBound(n - kept, n, 0.95))
                : String.format(Locale.ROOT, "%d/%d = %.3f (<= %.3f)", kept, n, rate,
                        RejectionTable.upperBound(kept, n, 0.95));
    }

    private AttributionTables() {
    }
}
