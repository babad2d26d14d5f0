package io.textprovenance.evaluation.typeone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textprovenance.evaluation.Arguments;
import io.textprovenance.evaluation.data.DetectionData;
import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.scoring.window.Windower;
import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.inference.AnytimeTest;
import io.textprovenance.stats.inference.AzumaTest;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The end-to-end type-I check: texts sampled from the default model itself (temperature 1, no
 * truncation; {@code training/sample_texts.py}, which draws every token given exactly the window the
 * scorer will score it in) are scored by the Java scorer and tested; the provenance tests must reject at
 * most alpha of them. Human texts of the detection data show the rejection rate by
 * length on text that is not from the model.
 *
 * <pre>./mvnw -q -pl evaluation -am package -DskipTests &amp;&amp; java -cp "evaluation/target/classpath/*" ...</pre>
 * See {@code docs/statistics.md} for the command that regenerates the table.
 */
public final class TypeOneErrorCheck {

    static final String USAGE = "TypeOneErrorCheck --samples FILE.jsonl [--model DIR] [--human DIR]"
            + " [--max-human N] [--alpha A] [--out FILE.md]";
    static final int[] BIN_EDGES = {0, 64, 128, 256, 512, Integer.MAX_VALUE};

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args, USAGE, "samples", "model", "human", "max-human", "alpha", "out");
        double alpha = arguments.decimal("alpha", 0.05);
        Path out = arguments.path("out", "evaluation/target/type-one-error.md");
        Map<String, ProvenanceTest> tests = new LinkedHashMap<>();
        tests.put(AzumaTest.NAME, new AzumaTest());
        tests.put(VarianceAdaptiveTest.NAME, new VarianceAdaptiveTest());
        tests.put(AnytimeTest.NAME, new AnytimeTest());
        StringBuilder report = new StringBuilder();
        try (OnnxScorer scorer = OnnxScorer.open(ScorerSettings.defaults(arguments.path("model", "models/tiny")))) {
            report.append("Model ").append(scorer.manifest().name()).append(' ').append(scorer.manifest().version())
                    .append(" (sha256 ").append(scorer.manifest().shortSha()).append("), c = ")
                    .append(scorer.manifest().clipNats()).append(" nats, alpha = ").append(alpha)
                    .append(", two-sided tests.\n\n");
            List<Sample> samples = readSamples(arguments.path("samples", "evaluation/target/samples.jsonl"));
            requireScorersWindows(samples, new Windower(scorer.manifest().contextLength()));
            RejectionTable sampledIds = new RejectionTable(tests.keySet(), BIN_EDGES);
            RejectionTable sampledText = new RejectionTable(tests.keySet(), BIN_EDGES);
            int done = 0;
            for (Sample sample : samples) {
                record(sampledIds, tests, scorer.scoreTokens(sample.tokenIds(), false), alpha);
                record(sampledText, tests, scorer.score(sample.text(), false), alpha);
                progress("samples", ++done, samples.size());
            }
            report.append("**Texts sampled from the model, scored from the sampled token ids** (H0 true)\n\n")
                    .append(sampledIds.markdown()).append('\n');
            report.append("**The same texts, decoded and re-tokenized** (the tokenizer may choose other tokens than"
                    + " the ones drawn, so H0 holds only approximately)\n\n").append(sampledText.markdown()).append('\n');
            List<String> human = humanTexts(arguments.path("human", "../shared/data/detection"),
                    arguments.integer("max-human", 600));
            RejectionTable humanTable = new RejectionTable(tests.keySet(), BIN_EDGES);
            done = 0;
            for (String text : human) {
                record(humanTable, tests, scorer.score(text, false), alpha);
                progress("human", ++done, human.size());
            }
            report.append("**Human texts of the detection data** (H0 false: rejection is power)\n\n")
                    .append(humanTable.markdown()).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.err.println("wrote " + out);
    }

    /**
     * H0 holds exactly only if each token was sampled given the same context the scorer gives it: the
     * sampler writes the window plan it followed, and it must be the scorer's.
     */
    static void requireScorersWindows(List<Sample> samples, Windower windower) {
        for (Sample sample : samples) {
            if (sample.windows().isEmpty()) {
                continue;
            }
            List<List<Integer>> scorers = windower.plan(sample.tokenIds().length + 1).stream()
                    .map(w -> List.of(w.start(), w.end(), w.scoredFrom())).toList();
            if (!scorers.equals(sample.windows().get())) {
                throw new IllegalStateException("sample " + sample.id() + " was drawn with windows "
                        + sample.windows().get() + " but the scorer scores it with " + scorers
                        + ": H0 would not hold exactly; sample again with training/sample_texts.py");
            }
        }
    }

    private static void record(RejectionTable table, Map<String, ProvenanceTest> tests, ScoredText scored,
                               double alpha) {
        if (scored.tokensScored() == 0) {
            return;
        }
        TokenSeries series = scored.toTokenSeries();
        Map<String, Boolean> rejected = new LinkedHashMap<>();
        tests.forEach((name, test) -> rejected.put(name, test.test(series, alpha, Alternative.TWO_SIDED).rejected()));
        table.add(series.size(), rejected);
    }

    private static List<Sample> readSamples(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            JsonNode ids = row.get("token_ids");
            long[] tokenIds = new long[ids.size()];
            for (int i = 0; i < tokenIds.length; i++) {
                tokenIds[i] = ids.get(i).asLong();
            }
            Optional<List<List<Integer>>> windows = Optional.empty();
            if (row.has("windows")) {
                List<List<Integer>> plan = new ArrayList<>();
                row.get("windows").forEach(w -> plan.add(List.of(w.get(0).asInt(), w.get(1).asInt(), w.get(2).asInt())));
                windows = Optional.of(plan);
            }
            samples.add(new Sample(row.path("id").asText("line " + (samples.size() + 1)), row.get("text").asText(),
                    tokenIds, windows));
        }
        return samples;
    }

    /** Distinct human texts, a seeded sample of at most {@code max}. */
    private static List<String> humanTexts(Path directory, int max) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (LabeledText text : DetectionData.readDirectory(directory)) {
            if (!text.machine()) {
                distinct.add(text.text());
            }
        }
        List<String> texts = new ArrayList<>(distinct);
        Collections.shuffle(texts, new Random(2025));
        return texts.subList(0, Math.min(max, texts.size()));
    }

    private static void progress(String what, int done, int total) {
        if (done % 50 == 0 || done == total) {
            System.err.printf("%s: %d/%d%n", what, done, total);
        }
    }

    /** A sampled text; windows: the plan the sampler followed, [start, end, first scored] each. */
    record Sample(String id, String text, long[] tokenIds, Optional<List<List<Integer>>> windows) {
    }
}
