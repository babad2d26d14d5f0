package io.textprovenance.evaluation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.Proportions;
import io.textprovenance.stats.calibration.ReferenceScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Thresholds for the service's verdict: for each score, the conformal threshold at the target FPR from
 * the calibration split's human texts, the sorted reference scores for p-values, and what the threshold
 * does on the test split it was not calibrated on.
 *
 * <p>One human text per document: benchmark files hold one article several times, cut to other lengths,
 * and copies of a document score alike, so they are not exchangeable draws. The conformal guarantee needs
 * independent references; with the first text of each document (in data order) it holds per document.
 *
 * <p>The file pins what it is valid for: the sha256 of the backbone {@code model.onnx} and of the PAWN
 * head's {@code pawn.onnx} (null without one) and the token limit the scores were computed on. The
 * service refuses a calibration made for another model.
 *
 * @param model        the backbone's name, version and short sha256, for people
 * @param modelSha256  the sha256 of the backbone's model.onnx
 * @param pawnSha256   the sha256 of pawn.onnx whose scores are the "pawn" entry, or null without a head
 * @param maxTokens    every score was computed on the first maxTokens tokens of a text
 */
record Calibration(String model, String modelSha256, String pawnSha256, int maxTokens, double targetFpr,
                   Map<String, Map<String, Object>> scores) {

    /**
     * The service's default for "human": a text whose score is at most as high as only this share of the
     * machine references of its length (the conformal p-value of "machine text"); the report counts it.
     */
    static final double HUMAN_MISS_P_VALUE = 0.05;

    /** The service's default minimum length for a verdict (detector.verdict.min-tokens). */
    static final int MIN_TOKENS = 32;

    /** Upper bounds (exclusive) of the token-length bins of the test rates; the last bin is the rest. */
    static final int[] LENGTH_BINS = {64, 128, 256, 512};

    static Calibration of(List<ScoredDocument> documents, double targetFpr, String model, String modelSha256,
                          String pawnSha256, int maxTokens) {
        List<ScoredDocument> calibration = onePerHumanDocument(
                documents.stream().filter(d -> d.split().equals("calibration")).toList());
        List<ScoredDocument> test = EvaluationReport.dedupeHumans(
                documents.stream().filter(d -> d.split().equals("test")).toList());
        List<ScoredDocument> calibrationMachine = machineTexts(documents, "calibration");
        Set<String> detectors = new LinkedHashSet<>();
        documents.forEach(d -> detectors.addAll(d.scores().keySet()));
        Map<String, Map<String, Object>> scores = new LinkedHashMap<>();
        for (String detector : detectors) {
            double[] human = values(calibration, detector, false);
            ReferenceScores reference = ReferenceScores.of(human);
            double threshold = reference.conformalThreshold(targetFpr);
            double[] testHuman = values(test, detector, false);
            double[] testMachine = values(test, detector, true);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("threshold", threshold);
            entry.put("rule", "machine when score > threshold (conformal p-value <= target FPR)");
            entry.put("calibration_human_texts", human.length);
            entry.put("calibration_unit", "one human text per document (first 20 words)");
            entry.put("test_human_texts", testHuman.length);
            entry.put("test_false_positives", countAbove(testHuman, threshold));
            entry.put("test_fpr", fractionAbove(testHuman, threshold));
            entry.put("test_machine_texts", testMachine.length);
            entry.put("test_true_positives", countAbove(testMachine, threshold));
            entry.put("test_tpr", fractionAbove(testMachine, threshold));
            entry.put("test_by_length", byLength(test, detector, threshold));
            List<Map<String, Object>> levels = prefixLevels(calibration, calibrationMachine, test, detector, targetFpr,
                    threshold);
            entry.put("by_length", levels);
            if (!levels.isEmpty()) {
                entry.put("test_false_positives_length_matched", countFlaggedByLength(test, detector, false, levels));
                entry.put("test_true_positives_length_matched", countFlaggedByLength(test, detector, true, levels));
                entry.put("test_labels_human_texts", labelsByLength(test, detector, false, levels));
                entry.put("test_labels_machine_texts", labelsByLength(test, detector, true, levels));
            }
            entry.put("reference_scores", sorted(human));
            entry.put("machine_reference_scores", sorted(values(calibrationMachine, detector, true)));
            scores.put(detector, entry);
        }
        return new Calibration(model, modelSha256, pawnSha256, maxTokens, targetFpr, scores);
    }

    /**
     * One calibration per length L of {@link Prefixes#LENGTHS} that has enough human documents of at least L
     * tokens for the target FPR: the threshold and sorted references from their first L tokens, and what
     * that threshold does on the L-token prefixes of the test texts, next to the all-lengths threshold on
     * the same prefixes. The service compares a text with the references of the largest L not above its
     * length.
     */
    static List<Map<String, Object>> prefixLevels(List<ScoredDocument> calibration,
                                                  List<ScoredDocument> calibrationMachine, List<ScoredDocument> test,
                                                  String detector, double targetFpr, double overallThreshold) {
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int length : Prefixes.LENGTHS) {
            double[] human = prefixValues(calibration, length, detector, false);
            if (Math.floor(targetFpr * (human.length + 1)) < 1) {
                continue;   // too few references of this length for a conformal threshold at the target FPR
            }
            double threshold = ReferenceScores.of(human).conformalThreshold(targetFpr);
            double[] testHuman = prefixValues(test, length, detector, false);
            double[] testMachine = prefixValues(test, length, detector, true);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("tokens", length);
            level.put("threshold", threshold);
            level.put("calibration_human_texts", human.length);
            level.put("test_human_texts", testHuman.length);
            level.put("test_false_positives", countAbove(testHuman, threshold));
            level.put("test_false_positives_at_overall_threshold", countAbove(testHuman, overallThreshold));
            level.put("test_machine_texts", testMachine.length);
            level.put("test_true_positives", countAbove(testMachine, threshold));
            level.put("reference_scores", sorted(human));
            double[] machine = prefixValues(calibrationMachine, length, detector, true);
            if (machine.length > 0) {
                Rule rule = new Rule(threshold, machine);
                level.put("test_humans_called_human", Arrays.stream(testHuman)
                        .filter(v -> rule.label(v).equals("human")).count());
                level.put("test_machines_called_human", Arrays.stream(testMachine)
                        .filter(v -> rule.label(v).equals("human")).count());
            }
            level.put("machine_reference_scores", sorted(machine));
            levels.add(level);
        }
        return levels;
    }

    /**
     * The service's rule on the test texts: each text's score against the threshold of the largest
     * calibrated length not above its token count (the shortest when it is shorter than all).
     */
    static long countFlaggedByLength(List<ScoredDocument> test, String detector, boolean machine,
                                     List<Map<String, Object>> levels) {
        TreeMap<Integer, Rule> rules = rules(levels);
        return test.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector))
                .filter(d -> d.scores().get(detector) > ruleFor(rules, d.tokens()).threshold()).count();
    }

    /**
     * The service's labels for the test texts of one class with its defaults: fewer than
     * {@link #MIN_TOKENS} tokens "uncertain", else {@link Rule#label} with the rule of the text's length.
     * Counts by label.
     */
    static Map<String, Long> labelsByLength(List<ScoredDocument> test, String detector, boolean machine,
                                            List<Map<String, Object>> levels) {
        Map<String, Long> labels = new LinkedHashMap<>();
        List.of("machine", "human", "uncertain").forEach(label -> labels.put(label, 0L));
        labels(test.stream().filter(d -> d.text().machine() == machine).toList(), detector, levels).stream()
                .filter(Objects::nonNull).forEach(label -> labels.merge(label, 1L, Long::sum));
        return labels;
    }

    /**
     * The service's label of each document by one score, in order (null for a document without that
     * score): fewer than {@link #MIN_TOKENS} tokens "uncertain", else {@link Rule#label} with the rule of
     * the text's length.
     */
    static List<String> labels(List<ScoredDocument> documents, String detector, List<Map<String, Object>> levels) {
        TreeMap<Integer, Rule> rules = rules(levels);
        return documents.stream().map(d -> !d.scores().containsKey(detector) ? null
                : d.tokens() < MIN_TOKENS ? "uncertain" : ruleFor(rules, d.tokens()).label(d.scores().get(detector)))
                .toList();
    }

    /**
     * The service's labels of these documents by one score with this calibration ({@link #labels(List,
     * String, List)}); empty when the score has no calibrated length.
     */
    Optional<List<String>> labels(List<ScoredDocument> documents, String detector) {
        Map<String, Object> entry = scores.get(detector);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = entry == null ? List.of()
                : (List<Map<String, Object>>) entry.getOrDefault("by_length", List.of());
        return levels.isEmpty() ? Optional.empty() : Optional.of(labels(documents, detector, levels));
    }

    /**
     * The service's rule at one length: "machine" above the threshold; else "human" when the score is below
     * all but {@link #HUMAN_MISS_P_VALUE} of the machine references (the conformal p-value of "machine
     * text", from the negated scores); else "uncertain".
     */
    private record Rule(double threshold, ReferenceScores negatedMachine) {

        Rule(double threshold, double[] machine) {
            this(threshold, machine.length == 0 ? null : ReferenceScores.of(Arrays.stream(machine).map(v -> -v).toArray()));
        }

        String label(double score) {
            if (score > threshold) {
                return "machine";
            }
            return negatedMachine != null && negatedMachine.pValue(-score) <= HUMAN_MISS_P_VALUE ? "human" : "uncertain";
        }
    }

    private static TreeMap<Integer, Rule> rules(List<Map<String, Object>> levels) {
        TreeMap<Integer, Rule> rules = new TreeMap<>();
        levels.forEach(level -> rules.put((Integer) level.get("tokens"), new Rule((Double) level.get("threshold"),
                (double[]) level.getOrDefault("machine_reference_scores", new double[0]))));
        return rules;
    }

    /** The rule of the largest calibrated length not above tokens (the shortest when tokens is below all). */
    private static Rule ruleFor(TreeMap<Integer, Rule> rules, int tokens) {
        Map.Entry<Integer, Rule> floor = rules.floorEntry(tokens);
        return floor == null ? rules.firstEntry().getValue() : floor.getValue();
    }

    private static double[] prefixValues(List<ScoredDocument> documents, int length, String detector, boolean machine) {
        return documents.stream().filter(d -> d.text().machine() == machine)
                .map(d -> d.prefixScores().get(length)).filter(s -> s != null && s.containsKey(detector))
                .mapToDouble(s -> s.get(detector)).toArray();
    }

    /** Test texts per token-length bin: humans and false positives, machine texts and true positives. */
    static List<Map<String, Object>> byLength(List<ScoredDocument> test, String detector, double threshold) {
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int bin = 0; bin <= LENGTH_BINS.length; bin++) {
            int from = bin == 0 ? 0 : LENGTH_BINS[bin - 1];
            int to = bin == LENGTH_BINS.length ? Integer.MAX_VALUE : LENGTH_BINS[bin];
            List<ScoredDocument> members = test.stream().filter(d -> d.tokens() >= from && d.tokens() < to).toList();
            double[] human = values(members, detector, false);
            double[] machine = values(members, detector, true);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tokens", binName(bin));
            row.put("humans", human.length);
            row.put("false_positives", countAbove(human, threshold));
            row.put("machines", machine.length);
            row.put("true_positives", countAbove(machine, threshold));
            bins.add(row);
        }
        return bins;
    }

    private static String binName(int bin) {
        if (bin == LENGTH_BINS.length) {
            return ">= " + LENGTH_BINS[bin - 1];
        }
        return (bin == 0 ? 0 : LENGTH_BINS[bin - 1]) + "-" + (LENGTH_BINS[bin] - 1);
    }

    /** The machine texts of a split, each distinct text once. */
    static List<ScoredDocument> machineTexts(List<ScoredDocument> documents, String split) {
        Set<String> seen = new HashSet<>();
        return documents.stream().filter(d -> d.text().machine() && d.split().equals(split))
                .filter(d -> seen.add(d.text().text())).toList();
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The human texts, the first of each document (DocumentSplit.documentKey); machine texts dropped. */
    static List<ScoredDocument> onePerHumanDocument(List<ScoredDocument> documents) {
        Set<String> seen = new HashSet<>();
        return documents.stream().filter(d -> !d.text().machine())
                .filter(d -> seen.add(DocumentSplit.documentKey(d.text().text()))).toList();
    }

    void write(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    /**
     * The section report.md gets: per score, the threshold, how many human documents calibrated it, and the
     * FPR and TPR it reaches on the test split, with 95% Wilson intervals.
     */
    String markdown() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Calibrated thresholds (target FPR %.1f%%)%n%n",
                100 * targetFpr));
        md.append("Conformal threshold from the calibration split's human texts (one per document); machine when the"
                + " score is above it. Test FPR and TPR on the test split, which calibrated nothing; 95% Wilson"
                + " intervals. The last two columns apply the service's rule instead: each test text against the threshold"
                + " of its length (below).\n\n| score | threshold | calibration humans | test FPR [95% CI] |"
                + " test TPR [95% CI] | test FPR, by length | test TPR, by length |\n|---|---|---|---|---|---|---|\n");
        scores.forEach((detector, entry) -> md.append("| ").append(detector).append(" | ")
                .append(String.format(Locale.ROOT, "%.4f", (double) entry.get("threshold"))).append(" | ")
                .append(entry.get("calibration_human_texts")).append(" | ")
                .append(rate((long) entry.get("test_false_positives"), (int) entry.get("test_human_texts"))).append(" | ")
                .append(rate((long) entry.get("test_true_positives"), (int) entry.get("test_machine_texts"))).append(" | ")
                .append(rateOrNone(entry.get("test_false_positives_length_matched"), (int) entry.get("test_human_texts")))
                .append(" | ")
                .append(rateOrNone(entry.get("test_true_positives_length_matched"), (int) entry.get("test_machine_texts")))
                .append(" |\n"));
        md.append("\nTest FPR by length (tokens scored): false positives / human texts; a short text carries less"
                + " evidence, and the threshold is one for all lengths.\n\n| score |");
        for (int bin = 0; bin <= LENGTH_BINS.length; bin++) {
            md.append(' ').append(binName(bin)).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(LENGTH_BINS.length + 1)).append('\n');
        scores.forEach((detector, entry) -> {
            md.append("| ").append(detector).append(" |");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> bins = (List<Map<String, Object>>) entry.get("test_by_length");
            bins.forEach(row -> md.append(' ').append(row.get("false_positives")).append('/').append(row.get("humans"))
                    .append(" |"));
            md.append('\n');
        });
        md.append("\nCalibrated by length: the test humans' first L tokens against the threshold calibrated on the"
                + " calibration humans' first L tokens (false positives / texts), and in brackets against the"
                + " all-lengths threshold above. The service compares a text with the references of the largest L"
                + " not above its length.\n\n| score |");
        lengthTable(md, level -> level == null ? "too few references" : level.get("test_false_positives") + "/"
                + level.get("test_human_texts") + " (" + level.get("test_false_positives_at_overall_threshold") + ")");
        md.append(String.format(Locale.ROOT, "%nCalled human by length: not flagged, and scored below all but %.0f%% of"
                + " the calibration machine texts of length L. Test humans called human / test humans; test"
                + " machine texts called human / test machine texts.%n%n| score |", 100 * HUMAN_MISS_P_VALUE));
        lengthTable(md, level -> level == null || !level.containsKey("test_humans_called_human") ? "-"
                : level.get("test_humans_called_human") + "/" + level.get("test_human_texts") + "; "
                + level.get("test_machines_called_human") + "/" + level.get("test_machine_texts"));
        md.append(String.format(Locale.ROOT, "%nThe service's labels on the test texts (its defaults: at least %d tokens,"
                + " references of the text's length): machine / human / uncertain.%n%n| score | human texts |"
                + " machine texts |%n|---|---|---|%n", MIN_TOKENS));
        scores.forEach((detector, entry) -> md.append("| ").append(detector).append(" | ")
                .append(labels(entry.get("test_labels_human_texts"))).append(" | ")
                .append(labels(entry.get("test_labels_machine_texts"))).append(" |\n"));
        return md.append('\n').toString();
    }

    /** A table with a row per score and a column per calibration length; cell gets the level, or null. */
    private void lengthTable(StringBuilder md, Function<Map<String, Object>, String> cell) {
        Prefixes.LENGTHS.forEach(length -> md.append(" L = ").append(length).append(" |"));
        md.append("\n|---|").append("---|".repeat(Prefixes.LENGTHS.size())).append('\n');
        scores.forEach((detector, entry) -> {
            md.append("| ").append(detector).append(" |");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> levels = (List<Map<String, Object>>) entry.get("by_length");
            Map<Object, Map<String, Object>> byTokens = new LinkedHashMap<>();
            levels.forEach(level -> byTokens.put(level.get("tokens"), level));
            Prefixes.LENGTHS.forEach(length -> md.append(' ').append(cell.apply(byTokens.get(length))).append(" |"));
            md.append('\n');
        });
    }

    private static String labels(Object counts) {
        if (!(counts instanceof Map<?, ?> labels)) {
            return "no lengths";
        }
        return labels.get("machine") + " / " + labels.get("human") + " / " + labels.get("uncertain");
    }

    private static String rateOrNone(Object successes, int trials) {
        return successes == null ? "no lengths" : rate((long) successes, trials);
    }

    private static String rate(long successes, int trials) {
        if (trials == 0) {
            return "no texts";
        }
        Interval interval = Proportions.wilson(successes, trials, 0.95);
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (%d/%d)", successes / (double) trials,
                interval.lower(), interval.upper(), successes, trials);
    }

    private static long countAbove(double[] values, double threshold) {
        return Arrays.stream(values).filter(v -> v > threshold).count();
    }

    private static double fractionAbove(double[] values, double threshold) {
        return values.length == 0 ? Double.NaN : countAbove(values, threshold) / (double) values.length;
    }

    private static double[] values(List<ScoredDocument> documents, String detector, boolean machine) {
        return documents.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
    }
}
