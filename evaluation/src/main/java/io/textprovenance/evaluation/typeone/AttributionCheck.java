package io.textprovenance.evaluation.typeone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.textprovenance.evaluation.Arguments;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.attribution.ModelAttribution;
import io.textprovenance.stats.attribution.ModelTest;
import io.textprovenance.stats.inference.AnytimeTest;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attribution among several models, measured: texts sampled from each model ({@code training/sample_texts.py}) are
 * scored under every model from their text, through each model's own tokenizer (the service's path: token ids do not
 * carry over between tokenizers), and each model's provenance test of H0_M "sampled from M" is run at alpha / K
 * (Bonferroni over the K models, {@link ModelAttribution}, as the service's {@code attribution} block does). A text is
 * attributed to the models not rejected. The report is the confusion table: rows the model a text was sampled from,
 * columns the model tested, each cell the share of the row's texts attributed to the column's model.
 *
 * <p>The diagonal is the type-I guarantee (the true model is rejected with probability at most alpha / K when its
 * H0 holds: exactly for the sampled ids, approximately for re-tokenized text, so the sampled ids are also scored under
 * their own model); the off-diagonal cells are power (how often a text of one model is not told apart from another).
 *
 * <pre>evaluation/run.sh AttributionCheck --sources models/tiny=training/work/attr-tiny.jsonl,models/smollm2-135m=a.jsonl+b.jsonl</pre>
 * See {@code docs/statistics.md}, "Attribution among hosted models", for the command that regenerates its table.
 */
public final class AttributionCheck {

    static final String USAGE = "AttributionCheck --sources MODEL_DIR=FILE.jsonl[+FILE.jsonl...][,MODEL_DIR=...]"
            + " [--models MODEL_DIR,MODEL_DIR... (default: the sources' models)] [--max-per-source N (default 200)]"
            + " [--alpha A] [--score-ids true|false (default true)] [--out FILE.md] [--records FILE.jsonl]";
    static final int[] BIN_EDGES = {0, 64, 128, 256, 512, Integer.MAX_VALUE};

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args, USAGE, "sources", "models", "max-per-source", "alpha", "score-ids",
                "out", "records");
        double alpha = arguments.decimal("alpha", 0.05);
        int maxPerSource = arguments.integer("max-per-source", 200);
        boolean scoreIds = !arguments.text("score-ids", "true").equals("false");
        Path out = arguments.path("out", "evaluation/target/attribution.md");
        Path recordsFile = arguments.path("records", "evaluation/target/attribution.jsonl");
        Map<Path, List<Path>> sources = sources(arguments.text("sources", ""));
        List<Path> modelDirs = new ArrayList<>();
        for (String dir : arguments.text("models", "").split(",")) {
            if (!dir.isBlank()) {
                modelDirs.add(normalize(Path.of(dir.strip())));
            }
        }
        if (modelDirs.isEmpty()) {
            modelDirs.addAll(sources.keySet());
        }
        for (Path source : sources.keySet()) {
            if (!modelDirs.contains(source)) {
                throw new IllegalArgumentException("source model " + source + " is not among --models " + modelDirs
                        + ": its texts could not be attributed back to it");
            }
        }
        Map<String, ProvenanceTest> tests = new LinkedHashMap<>();
        tests.put(VarianceAdaptiveTest.NAME, new VarianceAdaptiveTest());
        tests.put(AnytimeTest.NAME, new AnytimeTest());

        Map<Path, OnnxScorer> scorers = new LinkedHashMap<>();
        try {
            for (Path dir : modelDirs) {
                scorers.put(dir, OnnxScorer.open(ScorerSettings.defaults(dir)));
            }
            Map<Path, String> names = new LinkedHashMap<>();
            scorers.forEach((dir, scorer) -> names.put(dir, scorer.manifest().name()));
            if (new LinkedHashSet<>(names.values()).size() != names.size()) {
                throw new IllegalArgumentException("two models share a name (model.json): " + names);
            }
            List<Outcome> outcomes = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            StringBuilder records = new StringBuilder();
            int total = sources.values().stream().mapToInt(List::size).sum();
            for (Map.Entry<Path, List<Path>> source : sources.entrySet()) {
                List<TypeOneErrorCheck.Sample> samples = new ArrayList<>();
                for (Path file : source.getValue()) {
                    samples.addAll(TypeOneErrorCheck.readSamples(file));
                }
                samples = samples.subList(0, Math.min(maxPerSource, samples.size()));
                String sourceName = names.get(source.getKey());
                int done = 0;
                for (TypeOneErrorCheck.Sample sample : samples) {
                    Outcome outcome = attribute(sample, sourceName, scorers, names, tests, alpha,
                            scoreIds ? scorers.get(source.getKey()) : null);
                    outcomes.add(outcome);
                    records.append(json.writeValueAsString(outcome.toJson(json))).append('\n');
                    if (++done % 25 == 0 || done == samples.size()) {
                        System.err.printf("%s: %d/%d (%d sources, %d files)%n", sourceName, done, samples.size(),
                                sources.size(), total);
                    }
                }
            }
            StringBuilder report = new StringBuilder();
            report.append(header(scorers, alpha));
            for (String test : tests.keySet()) {
                report.append(confusion(outcomes, List.copyOf(names.values()), test, alpha, scoreIds));
            }
            report.append(mostLikely(outcomes, List.copyOf(names.values()), tests.keySet().iterator().next()));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report.toString());
            Files.writeString(recordsFile, records.toString());
            System.out.println(report);
            System.err.println("wrote " + out + " and " + recordsFile);
        } finally {
            scorers.values().forEach(OnnxScorer::close);
        }
    }

    /** One text scored under every model and tested by each test: the attribution's outcome. */
    static Outcome attribute(TypeOneErrorCheck.Sample sample, String source, Map<Path, OnnxScorer> scorers,
                             Map<Path, String> names, Map<String, ProvenanceTest> tests, double alpha,
                             OnnxScorer sourceScorerForIds) {
        Map<String, TokenSeries> series = new LinkedHashMap<>();
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (Map.Entry<Path, OnnxScorer> model : scorers.entrySet()) {
            ScoredText scored = model.getValue().score(sample.text(), false);
            String name = names.get(model.getKey());
            tokens.put(name, scored.tokensScored());
            if (scored.tokensScored() > 0) {
                series.put(name, scored.toTokenSeries());
            }
        }
        Map<String, List<ModelTest>> results = new LinkedHashMap<>();
        Map<String, Double> idsPValues = new LinkedHashMap<>();
        TokenSeries ids = sourceScorerForIds == null ? null
                : sourceScorerForIds.scoreTokens(sample.tokenIds(), false).toTokenSeries();
        tests.forEach((testName, test) -> {
            ModelAttribution attribution = new ModelAttribution(test, Alternative.TWO_SIDED);
            results.put(testName, series.size() == scorers.size() ? attribution.test(series, alpha) : List.of());
            if (ids != null) {
                idsPValues.put(testName, test.test(ids, ModelAttribution.levelPerModel(alpha, scorers.size()),
                        Alternative.TWO_SIDED).pValue());
            }
        });
        return new Outcome(sample.id(), source, sample.tokenIds().length, tokens, results, idsPValues,
                scorers.size());
    }

    /**
     * One text's attribution.
     *
     * @param sourceTokens the sampled ids' count (the source model's tokens)
     * @param tokens       tokens of the text under each model's tokenizer
     * @param results      per test, each model's test at alpha / K (empty when a model found no token to score)
     * @param idsPValues   per test, the source model's p-value on the sampled ids (H0 exact); empty if not scored
     */
    record Outcome(String id, String source, int sourceTokens, Map<String, Integer> tokens,
                   Map<String, List<ModelTest>> results, Map<String, Double> idsPValues, int models) {

        boolean tested(String test) {
            return !results.get(test).isEmpty();
        }

        ModelTest of(String test, String model) {
            return results.get(test).stream().filter(t -> t.model().equals(model)).findFirst().orElseThrow();
        }

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode node = json.createObjectNode().put("id", id).put("source", source)
                    .put("source_tokens", sourceTokens);
            ObjectNode tokenNode = node.putObject("tokens");
            tokens.forEach(tokenNode::put);
            ObjectNode tested = node.putObject("tests");
            results.forEach((test, modelTests) -> {
                ObjectNode testNode = tested.putObject(test);
                for (ModelTest t : modelTests) {
                    testNode.putObject(t.model()).put("statistic", t.result().statistic())
                            .put("threshold", t.result().threshold()).put("alpha", t.alpha())
                            .put("p_value", t.result().pValue()).put("adjusted_p_value", t.adjustedPValue())
                            .put("rejected", t.rejected()).put("log_likelihood", t.logLikelihood());
                }
                if (idsPValues.containsKey(test)) {
                    testNode.put("source_ids_p_value", idsPValues.get(test));
                }
            });
            return node;
        }
    }

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

    /** {@code DIR=FILE+FILE,DIR=FILE}: the sample files of each source model, in order. */
    static Map<Path, List<Path>> sources(String spec) {
        Map<Path, List<Path>> sources = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--sources takes MODEL_DIR=FILE[+FILE...], got '" + entry
                        + "'\nusage: " + USAGE);
            }
            List<Path> files = new ArrayList<>();
            for (String file : entry.substring(eq + 1).split("\\+")) {
                files.add(Path.of(file.strip()));
            }
            sources.merge(normalize(Path.of(entry.substring(0, eq).strip())), files, (a, b) -> {
                List<Path> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no --sources\nusage: " + USAGE);
        }
        return sources;
    }

    private static Path normalize(Path dir) {
        return dir.normalize();
    }

    private AttributionCheck() {
    }
}
