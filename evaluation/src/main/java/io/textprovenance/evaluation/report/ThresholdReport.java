package io.textprovenance.evaluation.report;

import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.Label;
import io.textprovenance.verdict.PolicyThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shipped calibration.json applied unchanged ({@code Evaluate --thresholds FILE}): for every calibrated score,
 * the labels the policy gives each text with that score as the policy's (the service's own label for its policy
 * score: PAWN with a head, else the Fast-DetectGPT criterion), exactly as the running service would answer with
 * the same calibration and {@link PolicyThresholds}; the realized FPR (human texts called machine), TPR (machine
 * texts called machine) and the rates of "human" on both sides, with 95% intervals by document
 * ({@link DocumentRate}); and the service's labels by group.
 *
 * @param file      the calibration file applied
 * @param scope     which texts count, and why ({@link SeenDocuments#describe})
 * @param policy    the policy's numbers
 * @param service   the score the service labels by
 * @param scores    one row per calibrated score
 * @param groups    the service's labels by group (file, domain, generator)
 */
record ThresholdReport(String file, String scope, PolicyThresholds policy, String service, List<Row> scores,
                       List<Row> groups) {

    /**
     * @param name                the score (or the group, in {@link #groups})
     * @param falsePositives      human texts called machine
     * @param humansCalledHuman   human texts called human
     * @param truePositives       machine texts called machine
     * @param machinesCalledHuman machine texts called human: the rate the human-miss p-value is meant to bound
     */
    record Row(String name, DocumentRate falsePositives, DocumentRate humansCalledHuman, DocumentRate truePositives,
               DocumentRate machinesCalledHuman) {

        static Row of(String name, List<ScoredDocument> members, DetectorName score, Judge judge) {
            List<ScoredDocument> humans = members.stream()
                    .filter(d -> !d.text().machine() && d.scores().containsKey(score.id())).toList();
            List<ScoredDocument> machines = members.stream()
                    .filter(d -> d.text().machine() && d.scores().containsKey(score.id())).toList();
            return new Row(name, rate(humans, score, judge, Label.MACHINE), rate(humans, score, judge, Label.HUMAN),
                    rate(machines, score, judge, Label.MACHINE), rate(machines, score, judge, Label.HUMAN));
        }

        private static DocumentRate rate(List<ScoredDocument> members, DetectorName score, Judge judge, Label label) {
            return DocumentRate.of(members, d -> ServiceLabels.labelBy(judge, score, d) == label);
        }
    }

    /**
     * @param file      the calibration file applied, for the header
     * @param documents the texts that count (each human text is counted once)
     * @param judge     the shipped calibration's table and the policy
     * @param scope     which texts count, and why
     */
    static ThresholdReport of(String file, List<ScoredDocument> documents, Judge judge, String scope) {
        List<ScoredDocument> counted = EvaluationReport.dedupeHumans(documents);
        boolean pawn = counted.stream().anyMatch(d -> d.scores().containsKey(DetectorName.PAWN.id()));
        DetectorName service = pawn ? DetectorName.PAWN : DetectorName.CRITERION;
        List<Row> scores = new ArrayList<>();
        for (DetectorName name : DetectorName.values()) {
            if (judge.calibration().calibrated().contains(name)
                    && counted.stream().anyMatch(d -> d.scores().containsKey(name.id()))) {
                scores.add(Row.of(name.id(), counted, name, judge));
            }
        }
        List<Row> groups = new ArrayList<>();
        EvaluationReport.groups(documents).forEach((group, members) -> {
            if (!group.equals("all, test split")) {
                groups.add(Row.of(group, members, service, judge));
            }
        });
        return new ThresholdReport(file, scope, judge.thresholds(), service.id(), scores, groups);
    }

    /** Appends the section to report.md and adds it to report.json as "thresholds". */
    void writeInto(Path directory) throws IOException {
        EvaluationReport.appendSection(directory, markdown(), "thresholds", this);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Shipped thresholds applied (`").append(file).append("`)\n\n");
        md.append(scope).append(String.format(Locale.ROOT, " Each text is labelled as the service would label it with"
                + " this calibration: at least %d tokens; machine at a p-value <= %s against the human references of"
                + " its length, else human at a p-value <= %s against the machine references of its length, else"
                + " uncertain. The service labels by **%s**; the other rows put each score in its place. Rates with 95%%"
                + " intervals by document (cluster bootstrap; Wilson over one text per document for 0/n and n/n);"
                + " (k/n; documents).%n%n", policy.minTokens(), policy.machinePValue(), policy.humanMissPValue(),
                service));
        md.append("| score | human texts called machine (FPR) | human texts called human | machine texts called machine"
                + " (TPR) | machine texts called human |\n|---|---|---|---|---|\n");
        scores.forEach(row -> md.append(row(row.name().equals(service) ? row.name() + " (service)" : row.name(), row)));
        md.append("\nThe service's labels by group (").append(service).append("):\n\n| group | human texts called machine"
                + " | human texts called human | machine texts called machine | machine texts called human |\n"
                + "|---|---|---|---|---|\n");
        groups.forEach(row -> md.append(row(row.name(), row)));
        return md.append('\n').toString();
    }

    private static String row(String name, Row row) {
        return "| " + name + " | " + row.falsePositives().format() + " | " + row.humansCalledHuman().format() + " | "
                + row.truePositives().format() + " | " + row.machinesCalledHuman().format() + " |\n";
    }

    /**
     * Writes labels.jsonl: for each text in data order, {@code source}, {@code pair}, {@code machine} (the data's
     * label), {@code tokens}, and the service's {@code label}, {@code policy} and {@code reason}, as the running
     * service would answer with this calibration and policy; {@code label} null for a text the model's PAWN head
     * trained on (the service would label it by PAWN, which cannot be measured there).
     */
    static void writeLabels(Path directory, List<ScoredDocument> documents, Judge judge) throws IOException {
        JsonMapper json = JsonMapper.shared();
        boolean pawn = documents.stream().anyMatch(d -> d.scores().containsKey(DetectorName.PAWN.id()));
        StringBuilder lines = new StringBuilder();
        for (ScoredDocument document : documents) {
            ObjectNode line = json.createObjectNode();
            line.put("source", document.text().source());
            line.put("pair", document.text().pair());
            line.put("machine", document.text().machine());
            line.put("tokens", document.tokens());
            if (pawn && !document.scores().containsKey(DetectorName.PAWN.id())) {
                line.putNull("label");
            } else {
                io.textprovenance.verdict.Decision decision = judge.judge(ServiceLabels.scoresOf(document)).decision();
                line.put("label", decision.label().id());
                line.put("policy", decision.policy());
                line.put("reason", decision.reason());
            }
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(directory.resolve("labels.jsonl"), lines);
    }

    /** By name, for tests. */
    Map<String, Row> scoresByName() {
        Map<String, Row> byName = new java.util.LinkedHashMap<>();
        scores.forEach(row -> byName.put(row.name(), row));
        return byName;
    }
}
