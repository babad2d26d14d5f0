package io.textprovenance.evaluation.report;

import io.textprovenance.stats.calibration.Auroc;
import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Robustness to formatting: for each perturbation, how many sampled test texts it altered, the share whose
 * label changed (the service's rule, the verdict library's {@link Judge}, by each calibrated score)
 * and each detector's AUROC on the perturbed texts beside the unperturbed ones.
 *
 * @param testTexts      distinct test-split texts the sample was drawn from
 * @param machineTexts   machine texts in the sample
 * @param humanTexts     human texts in the sample
 * @param seed           the sample's seed
 * @param targetFpr      the calibration's target FPR the labels were made at; null without a calibration
 * @param detectors      every score, in report order
 * @param labelled       the scores with calibrated lengths, whose labels are compared
 * @param labelsBefore   by labelled score, how many sampled texts are machine / human / uncertain as they were
 * @param unperturbed    AUROC by score on the sample as it was (null where a label is missing)
 * @param perturbations  one row per perturbation, in the order asked
 */
record RobustnessReport(int testTexts, int machineTexts, int humanTexts, long seed, Double targetFpr,
                        List<String> detectors, List<String> labelled, Map<String, Map<String, Long>> labelsBefore,
                        Map<String, Double> unperturbed,
                        List<Row> perturbations) {

    /** The share of texts whose label may change under a perturbation that the issue sets as the target. */
    static final double TARGET_CHANGED_SHARE = 0.02;

    /**
     * @param perturbation the perturbation's name
     * @param texts        texts compared
     * @param altered      texts the perturbation changed (the others keep their scores)
     * @param labelChanges by score with calibrated lengths
     * @param auroc        by score, on the perturbed texts
     */
    record Row(String perturbation, int texts, int altered, Map<String, LabelChanges> labelChanges,
               Map<String, Double> auroc) {
    }

    /**
     * @param sample      the texts as they were, scored
     * @param perturbed   by perturbation, the same texts perturbed and scored, in the sample's order
     * @param judge     the service's rule with the calibration the labels come from; null: no labels are compared
     */
    static RobustnessReport of(int testTexts, List<ScoredDocument> sample, Map<Perturbation, List<ScoredDocument>> perturbed,
                               Judge judge, long seed) {
        Set<String> detectors = new LinkedHashSet<>();
        sample.forEach(d -> detectors.addAll(d.scores().keySet()));
        Map<String, List<String>> labelsBefore = new LinkedHashMap<>();
        if (judge != null) {
            detectors.stream().filter(detector -> judge.calibration().calibrated().stream()
                            .anyMatch(name -> name.id().equals(detector)))
                    .forEach(detector -> labelsBefore.put(detector,
                            ServiceLabels.labels(judge, DetectorName.of(detector), sample)));
        }
        List<Row> rows = new ArrayList<>();
        perturbed.forEach((perturbation, documents) -> {
            if (documents.size() != sample.size()) {
                throw new IllegalArgumentException(perturbation.id() + ": " + documents.size() + " texts for a sample of "
                        + sample.size());
            }
            int altered = 0;
            for (int i = 0; i < sample.size(); i++) {
                altered += sample.get(i).text().text().equals(documents.get(i).text().text()) ? 0 : 1;
            }
            Map<String, LabelChanges> changes = new LinkedHashMap<>();
            labelsBefore.forEach((detector, before) -> changes.put(detector,
                    LabelChanges.of(before, ServiceLabels.labels(judge, DetectorName.of(detector), documents))));
            rows.add(new Row(perturbation.id(), documents.size(), altered, changes, aurocs(documents, detectors)));
        });
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        labelsBefore.forEach((detector, labels) -> {
            Map<String, Long> byLabel = new LinkedHashMap<>();
            List.of("machine", "human", "uncertain").forEach(label -> byLabel.put(label,
                    labels.stream().filter(label::equals).count()));
            counts.put(detector, byLabel);
        });
        int machine = (int) sample.stream().filter(d -> d.text().machine()).count();
        return new RobustnessReport(testTexts, machine, sample.size() - machine, seed,
                judge == null ? null : judge.calibration().targetFpr(), List.copyOf(detectors),
                List.copyOf(labelsBefore.keySet()), counts, aurocs(sample, detectors), rows);
    }

    private static Map<String, Double> aurocs(List<ScoredDocument> documents, Set<String> detectors) {
        Map<String, Double> aurocs = new LinkedHashMap<>();
        for (String detector : detectors) {
            double[] machine = values(documents, detector, true);
            double[] human = values(documents, detector, false);
            aurocs.put(detector, machine.length == 0 || human.length == 0 ? null : Auroc.of(machine, human));
        }
        return aurocs;
    }

    private static double[] values(List<ScoredDocument> documents, String detector, boolean machine) {
        return documents.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
    }

    /** Appends the section to report.md and adds it to report.json as "robustness". */
    void writeInto(Path directory) throws IOException {
        EvaluationReport.appendSection(directory, markdown(), "robustness", this);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Robustness to formatting\n\n");
        int sampled = machineTexts + humanTexts;
        if (sampled == 0) {
            return md.append("No test-split texts to perturb.\n\n").toString();
        }
        md.append(String.format(Locale.ROOT, "%d of the %d distinct test-split texts (%d machine, %d human; a sample"
                + " stratified by label, seed %d, `--perturb-max`), each scored again after each change of layout"
                + " (one-line: line breaks to one space; paragraphs: three sentences a paragraph, blank lines between;"
                + " crlf: `\\r\\n` line endings; curly-quotes: “ ” ‘ ’ for straight quotes; trailing-newline: a final"
                + " `\\n`). *Altered*: texts the perturbation changed at all; the others keep their score and"
                + " label.%n%n", sampled, testTexts, machineTexts, humanTexts, seed));
        if (labelled.isEmpty()) {
            md.append(targetFpr == null ? "Labels are not compared: run with `--calibrate-out FILE` or `--thresholds FILE`.\n\n"
                    : "Labels are not compared: no score is calibrated.\n\n");
        } else {
            md.append(String.format(Locale.ROOT, "**Label changes [95%% Wilson CI] (changed/texts)**: the service's"
                    + " label (machine / human / uncertain) of each text before and after, by its rule with the"
                    + " calibrated thresholds above (target FPR %.1f%%; as in the labels table), for each score; the service labels by"
                    + " pawn when the model has a head, else by fast-detectgpt. Target: at most %.0f%% of texts"
                    + " change.%n%n| perturbation | texts | altered |", 100 * targetFpr, 100 * TARGET_CHANGED_SHARE));
            labelled.forEach(d -> md.append(' ').append(d).append(" |"));
            md.append("\n|---|---|---|").append("---|".repeat(labelled.size())).append('\n');
            md.append("| labels before: machine / human / uncertain | ").append(sampled).append(" | - |");
            labelled.forEach(d -> md.append(' ').append(labelsBefore.get(d).values().stream().map(String::valueOf)
                    .collect(Collectors.joining(" / "))).append(" |"));
            md.append('\n');
            for (Row row : perturbations) {
                md.append("| ").append(row.perturbation()).append(" | ").append(row.texts()).append(" | ")
                        .append(row.altered()).append(" |");
                labelled.forEach(d -> md.append(' ').append(changes(row.labelChanges().get(d))).append(" |"));
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("**AUROC on the sample**: as it was, and after each perturbation (the difference in brackets).\n\n"
                + "| texts |");
        detectors.forEach(d -> md.append(' ').append(d).append(" |"));
        md.append("\n|---|").append("---|".repeat(detectors.size())).append("\n| unperturbed |");
        detectors.forEach(d -> md.append(' ').append(auroc(unperturbed.get(d))).append(" |"));
        md.append('\n');
        for (Row row : perturbations) {
            md.append("| ").append(row.perturbation()).append(" |");
            detectors.forEach(d -> {
                Double before = unperturbed.get(d);
                Double after = row.auroc().get(d);
                md.append(' ').append(auroc(after));
                Optional.ofNullable(before).filter(b -> after != null)
                        .ifPresent(b -> md.append(String.format(Locale.ROOT, " (%+.3f)", after - b)));
                md.append(" |");
            });
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    private static String changes(LabelChanges changes) {
        if (changes == null || changes.compared() == 0) {
            return "no texts";
        }
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (%d/%d)", changes.share(), changes.interval().lower(),
                changes.interval().upper(), changes.changed(), changes.compared());
    }

    private static String auroc(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
