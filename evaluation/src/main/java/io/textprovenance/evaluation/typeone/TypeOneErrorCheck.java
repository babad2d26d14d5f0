package io.textprovenance.evaluation.typeone;

import io.textprovenance.evaluation.Arguments;
import io.textprovenance.evaluation.data.DetectionData;
import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.scoring.window.Windower;
import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.inference.AnytimeTest;
import io.textprovenance.stats.inference.AzumaTest;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The end-to-end type-I check: texts sampled from a model itself at temperature 1 ({@code
 * training/sample_texts.py}) are scored by the Java scorer and tested; the provenance tests must reject at most
 * alpha of those drawn under H0. Human texts of the detection data show the rejection rate by length on text
 * that is not from the model.
 *
 * <p>H0 holds exactly only for a sample whose every token was drawn from the conditional the scorer evaluates
 * (mode {@code exact}: the scorer's window plan, no prompt) and scored as the drawn ids; the fixed-length tests
 * (Azuma, Freedman-Bennett) also need a length fixed in advance, the anytime-valid test does not. Samples of the
 * other modes (a sliding context, an unscored prompt) are refused unless {@code --accept-inexact-h0 true}; then
 * they are scored and the report says which guarantee holds for each row. {@code --score text} scores the
 * decoded text through the service's tokenizer (the layout-normalizing tokenizer of {@link OnnxScorer#score})
 * instead of the ids. Several sample files may be given, comma-separated: one summary row per mode and scoring.
 *
 * <pre>evaluation/run.sh TypeOneErrorCheck --model models/tiny --samples a.jsonl,b.jsonl --accept-inexact-h0 true</pre>
 * See {@code docs/statistics.md} for the commands that regenerate its tables.
 */
public final class TypeOneErrorCheck {

    static final String USAGE = "TypeOneErrorCheck --samples FILE.jsonl[,FILE.jsonl...] [--model DIR]"
            + " [--score ids|text|both] [--accept-inexact-h0 true] [--human DIR] [--max-human N (0: none)]"
            + " [--alpha A] [--out FILE.md]";
    static final int[] BIN_EDGES = {0, 64, 128, 256, 512, Integer.MAX_VALUE};

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args, USAGE, "samples", "model", "score", "accept-inexact-h0", "human",
                "max-human", "alpha", "out");
        double alpha = arguments.decimal("alpha", 0.05);
        Path out = arguments.path("out", "evaluation/target/type-one-error.md");
        String score = arguments.text("score", "both");
        if (!Set.of("ids", "text", "both").contains(score)) {
            throw new IllegalArgumentException("--score takes ids, text or both, not '" + score + "'");
        }
        boolean acceptInexact = arguments.flag("accept-inexact-h0");
        Map<String, ProvenanceTest> tests = new LinkedHashMap<>();
        tests.put(AzumaTest.NAME, new AzumaTest());
        tests.put(VarianceAdaptiveTest.NAME, new VarianceAdaptiveTest());
        tests.put(AnytimeTest.NAME, new AnytimeTest());
        StringBuilder report = new StringBuilder();
        try (OnnxScorer scorer = OnnxScorer.open(ScorerSettings.defaults(arguments.path("model", "models/tiny")))) {
            String model = scorer.manifest().name() + " " + scorer.manifest().version();
            report.append("Model ").append(model).append(" (sha256 ").append(scorer.manifest().shortSha())
                    .append("), c = ").append(scorer.manifest().clipNats()).append(" nats, alpha = ").append(alpha)
                    .append(", two-sided tests.\n\n");
            List<Sample> samples = new ArrayList<>();
            for (String file : arguments.text("samples", "evaluation/target/samples.jsonl").split(",")) {
                samples.addAll(Sample.readAll(Path.of(file.strip())));
            }
            Windower windower = new Windower(scorer.manifest().contextLength());
            if (!acceptInexact) {
                requireScorersConditionals(samples, windower);
            }
            Map<String, Row> rows = new LinkedHashMap<>();
            int done = 0;
            for (Sample sample : samples) {
                Optional<String> deviation = deviation(sample, windower);
                if (!score.equals("text")) {
                    rows.computeIfAbsent(sample.mode() + " ids", k -> new Row(sample.mode(), false, tests.keySet()))
                            .add(sample, deviation, true, scorer.scoreTokens(sample.tokenIds(), false), tests, alpha);
                }
                if (!score.equals("ids")) {
                    boolean sameIds = Arrays.equals(scorer.tokenize(sample.text()).ids(), sample.tokenIds());
                    rows.computeIfAbsent(sample.mode() + " text", k -> new Row(sample.mode(), true, tests.keySet()))
                            .add(sample, deviation, sameIds, scorer.score(sample.text(), false), tests, alpha);
                }
                progress("samples", ++done, samples.size());
            }
            report.append("**Summary**: rejected/n (one-sided 95% upper bound on the rate, Clopper-Pearson), and"
                    + " how many of the rejected were above H0 (less predictable than the model's own samples);"
                    + " mean statistic: the tests' statistic (mean clipped surprisal minus its expectation, nats"
                    + " per token) averaged over the texts, 0 in expectation under H0\n\n")
                    .append(summary(model, rows.values(), tests.keySet())).append('\n');
            for (Row row : rows.values()) {
                report.append("**").append(row.title()).append("**\n\n").append(row.table.markdown()).append('\n');
            }
            int maxHuman = arguments.integer("max-human", 600);
            if (maxHuman > 0) {
                List<String> human = humanTexts(arguments.path("human", "../shared/data/detection"), maxHuman);
                RejectionTable humanTable = new RejectionTable(tests.keySet(), BIN_EDGES);
                done = 0;
                for (String text : human) {
                    record(humanTable, tests, scorer.score(text, false), alpha);
                    progress("human", ++done, human.size());
                }
                report.append("**Human texts of the detection data** (H0 false: rejection is power)\n\n")
                        .append(humanTable.markdown()).append('\n');
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.err.println("wrote " + out);
    }

    /**
     * Why the sample's tokens were not drawn from the conditionals the scorer evaluates, or empty when they were:
     * the sampler writes the window plan it followed (it must be the scorer's) and any prompt it conditioned on
     * (the scorer never sees it).
     */
    static Optional<String> deviation(Sample sample, Windower windower) {
        if (sample.promptTokens() > 0) {
            return Optional.of("drawn after an unscored prompt");
        }
        if (sample.windows().isPresent()) {
            List<List<Integer>> scorers = windower.plan(sample.tokenIds().length + 1).stream()
                    .map(w -> List.of(w.start(), w.end(), w.scoredFrom())).toList();
            if (!scorers.equals(sample.windows().get())) {
                return Optional.of("drawn with other contexts than the scorer's windows");
            }
        }
        return Optional.empty();
    }

    /** Refuses the first sample whose tokens were not drawn from the scorer's conditionals (H0 not exact). */
    static void requireScorersConditionals(List<Sample> samples, Windower windower) {
        for (Sample sample : samples) {
            deviation(sample, windower).ifPresent(why -> {
                throw new IllegalStateException("sample " + sample.id() + " was " + why + ": H0 would not hold"
                        + " exactly; sample it with training/sample_texts.py --mode exact, or score it anyway with"
                        + " --accept-inexact-h0 true");
            });
        }
    }

    /**
     * Which type-I guarantee holds for a row: all three tests need every scored token drawn from the scorer's
     * conditional; the fixed-length tests also need a length fixed in advance, the anytime-valid test holds at
     * any (even data-dependent) length.
     */
    static String guarantee(boolean exactConditionals, boolean fixedLength) {
        if (!exactConditionals) {
            return "none formally: H0 is not exact, the measured rate is the evidence";
        }
        return fixedLength ? "all three tests: rate <= alpha"
                : "anytime-mixture only: rate <= alpha at a data-dependent length; fixed-n tests not formally";
    }

    static String summary(String model, Iterable<Row> rows, Set<String> tests) {
        StringBuilder out = new StringBuilder("| samples | scored | model | n | tokens | drawn from the scorer's"
                + " conditionals | length | mean statistic |");
        tests.forEach(test -> out.append(' ').append(test).append(" |"));
        out.append(" guarantee |\n|---|---|---|---|---|---|---|---|").append("---|".repeat(tests.size()))
                .append("---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.mode).append(" | ").append(row.text ? "decoded text" : "sampled ids")
                    .append(" | ").append(model).append(" | ").append(row.table.texts()).append(" | ")
                    .append(row.table.lengthRange()).append(" | ").append(row.conditionals()).append(" | ")
                    .append(row.length())
                    .append(String.format(Locale.ROOT, " | %+.4f |", row.table.meanStatistic()));
            tests.forEach(test -> out.append(' ').append(row.table.summaryCell(test)).append(" |"));
            out.append(' ').append(guarantee(row.inexact == 0, row.stopped == 0)).append(" |\n");
        }
        return out.toString();
    }

    /** One summary row: the samples of one mode, scored as ids or as text. */
    static final class Row {
        final String mode;
        final boolean text;
        final RejectionTable table;
        final Set<String> reasons = new LinkedHashSet<>();
        int inexact;
        int retokenizedDifferently;
        int stopped;
        int stoppedAtEos;

        Row(String mode, boolean text, Set<String> tests) {
            this.mode = mode;
            this.text = text;
            this.table = new RejectionTable(tests, BIN_EDGES);
        }

        void add(Sample sample, Optional<String> deviation, boolean sameIds, ScoredText scored,
                 Map<String, ProvenanceTest> tests, double alpha) {
            if (scored.tokensScored() == 0) {
                return;
            }
            deviation.ifPresent(reasons::add);
            if (!sameIds) {
                reasons.add("re-tokenized to other ids");
                retokenizedDifferently++;
            }
            if (deviation.isPresent() || !sameIds) {
                inexact++;
            }
            if (sample.stop().isPresent()) {
                stopped++;
                stoppedAtEos += sample.stop().get().equals("eos") ? 1 : 0;
            }
            record(table, tests, scored, alpha);
        }

        String conditionals() {
            if (inexact == 0) {
                return "yes";
            }
            String share = text && retokenizedDifferently > 0
                    ? " (" + retokenizedDifferently + " of " + table.texts() + " re-tokenized to other ids)"
                    : " (" + inexact + " of " + table.texts() + ")";
            return "no: " + String.join("; ", reasons) + share;
        }

        String length() {
            return stopped == 0 ? "fixed in advance"
                    : "stopping time: end-of-text for " + stoppedAtEos + ", maximum for " + (stopped - stoppedAtEos);
        }

        String title() {
            return "Mode " + mode + ", scored from the " + (text
                    ? "decoded text, re-tokenized by the service's tokenizer" : "sampled token ids")
                    + " (guarantee: " + guarantee(inexact == 0, stopped == 0) + ")";
        }
    }

    private static void record(RejectionTable table, Map<String, ProvenanceTest> tests, ScoredText scored,
                               double alpha) {
        if (scored.tokensScored() == 0) {
            return;
        }
        TokenSeries series = scored.toTokenSeries();
        Map<String, TestResult> results = new LinkedHashMap<>();
        tests.forEach((name, test) -> results.put(name, test.test(series, alpha, Alternative.TWO_SIDED)));
        table.add(series.size(), results);
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
}
