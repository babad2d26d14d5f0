package io.textprovenance.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The fault suite's report: its figures and checks printed, and written to faults.md, faults.json and faults.counts. */
final class FaultReport {

    private final Path reportDir;
    private final String mode;
    private final String commit;
    private final ObjectMapper json = new ObjectMapper();

    FaultReport(Path reportDir, String mode, String commit) {
        this.reportDir = reportDir;
        this.mode = mode;
        this.commit = commit;
    }

    /** Writes the report; returns the number of failed checks. */
    int write(Map<String, Object> figures, List<Check> checks) throws IOException {
        int failures = 0;
        StringBuilder md = new StringBuilder();
        md.append("## Fault suite (").append(mode).append(", commit ").append(commit).append(", ")
                .append(Instant.now()).append(")\n\n");
        md.append("| documents in | valid | hostile | verdict records | verdict ids | duplicate verdicts | dead letters"
                + " | lost | lag after |\n|---|---|---|---|---|---|---|---|---|\n");
        md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n%n", figures.get("documentsIn"),
                figures.get("valid"), figures.get("hostile"), figures.get("verdictRecords"), figures.get("verdictIds"),
                figures.get("duplicateVerdicts"), figures.get("deadLetterRecords"), figures.get("lost"), figures.get("lag")));
        md.append("| fault | down (s) | restart (s) | pipeline stall (s) | worst partition stall (s) | resumed after restore (s)"
                + " | drained after restore (s) | duplicate verdicts |\n|---|---|---|---|---|---|---|---|\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> faultFigures = (List<Map<String, Object>>) figures.getOrDefault("faults", List.of());
        for (Map<String, Object> f : faultFigures) {
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", f.get("fault"), f.get("downSeconds"),
                    f.get("restartSeconds"), f.get("pipelineStallSeconds"), f.get("partitionStallSeconds"), f.get("resumedAfterRestoreSeconds"),
                    f.get("drainedAfterRestoreSeconds"), f.get("duplicateVerdicts")
                            + (f.containsKey("circuitOpenAfterSeconds") ? "; circuit open after "
                            + f.get("circuitOpenAfterSeconds") + " s, REST " + f.get("restWhileOpen") : "")));
        }
        md.append("\n| kind | outcome |\n|---|---|\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = (Map<String, Object>) figures.getOrDefault("outcomes", Map.of());
        kinds.forEach((kind, outcome) -> md.append("| ").append(kind).append(" | ")
                .append(String.valueOf(outcome).replace("|", "/")).append(" |\n"));
        md.append("\n| check | result | detail |\n|---|---|---|\n");
        System.out.println();
        System.out.println("FAULT SUITE CHECKS");
        for (Check check : checks) {
            if (!check.passed()) {
                failures++;
            }
            System.out.printf("  %s  %s: %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
            md.append("| ").append(check.name()).append(" | ").append(check.passed() ? "pass" : "**FAIL**").append(" | ")
                    .append(check.detail().replace("|", "/").replace("\n", " ")).append(" |\n");
        }
        System.out.printf("faults: %d passed, %d failed%n", checks.size() - failures, failures);
        Files.writeString(reportDir.resolve("faults.counts"), (checks.size() - failures) + " " + failures + "\n");
        Files.writeString(reportDir.resolve("faults.md"), md.toString());
        ObjectNode root = json.createObjectNode();
        root.set("figures", json.valueToTree(figures));
        ArrayNode checkNodes = root.putArray("checks");
        for (Check check : checks) {
            checkNodes.addObject().put("name", check.name()).put("passed", check.passed()).put("detail", check.detail());
        }
        Files.writeString(reportDir.resolve("faults.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        System.out.println(md);
        return failures;
    }
}
