package io.textprovenance.evaluation.typeone;

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
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

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
                List<Sample> samples = new ArrayList<>();
                for (Path file : source.getValue()) {
                    samples.addAll(Sample.readAll(file));
                }
                samples = samples.subList(0, Math.min(maxPerSource, samples.size()));
                String sourceName = names.get(source.getKey());
                int done = 0;
                for (Sample sample : samples) {
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
            report.append(AttributionTables.header(scorers, alpha));
            for (String test : tests.keySet()) {
                report.append(AttributionTables.confusion(outcomes, List.copyOf(names.values()), test, alpha,
                        scoreIds));
            }
            report.append(AttributionTables.mostLikely(outcomes, List.copyOf(names.values()),
                    tests.keySet().iterator().next()));
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
    static Outcome attribute(Sample sample, String source, Map<Path, OnnxScorer> scorers,
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
