package io.textprovenance.evaluation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results of every detector on every group, and how they are written out.
 *
 * @param scope which texts each detector was scored on, in one sentence for the header
 */
public record EvaluationReport(String model, String data, int maxTokens, int texts, String scope, List<String> detectors,
                               List<GroupResult> results, Map<String, Map<String, double[][]>> rocByFile) {

    /**
     * Jackson 3 with Jackson 2's defaults: report.json byte for byte as before (summarize.py reads it), e.g. the
     * properties of a record beyond its components in declaration order rather than sorted, characters outside the
     * BMP escaped as surrogate pairs.
     */
    private static final JsonMapper JSON = JsonMapper.builderWithJackson2Defaults()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static EvaluationReport of(List<ScoredDocument> documents, String model, String data, int maxTokens, String scope) {
        Set<String> detectors = new LinkedHashSet<>();
        documents.forEach(d -> detectors.addAll(d.scores().keySet()));
        Map<String, List<ScoredDocument>> groups = groups(documents);
        List<GroupResult> results = new ArrayList<>();
        groups.forEach((group, members) -> detectors.forEach(detector -> {
            GroupResult result = GroupResult.of(group, detector, members);
            if (result != null) {
                results.add(result);
            }
        }));
        Map<String, Map<String, double[][]>> roc = new LinkedHashMap<>();
        groups.forEach((group, members) -> {
            if (group.startsWith("file:") || group.equals("all")) {
                Map<String, double[][]> curves = new LinkedHashMap<>();
                for (String detector : detectors) {
                    curves.put(detector, new double[][] {values(members, detector, true), values(members, detector, false)});
                }
                roc.put(group, curves);
            }
        });
        return new EvaluationReport(model, data, maxTokens, documents.size(), scope, List.copyOf(detectors), results,
                roc);
    }

    /**
     * The groups of the report, human texts once each: "all", "all, test split" (when there is a test split),
     * each file ("file:"), domain ("domain:") and generator ("generator:", its machine texts and the human texts of
     * its files).
     */
    static Map<String, List<ScoredDocument>> groups(List<ScoredDocument> documents) {
        Map<String, List<ScoredDocument>> groups = new LinkedHashMap<>();
        groups.put("all", dedupeHumans(documents));
        List<ScoredDocument> test = documents.stream().filter(d -> d.split().equals("test")).toList();
        if (!test.isEmpty()) {
            groups.put("all, test split", dedupeHumans(test));
        }
        collect(groups, documents, "file:", d -> d.text().source());
        collect(groups, documents, "domain:", d -> d.text().domain());
        Set<String> generators = new LinkedHashSet<>();
        documents.stream().filter(d -> d.text().machine()).forEach(d -> generators.add(d.text().generator()));
        for (String generator : generators) {
            Set<String> files = new LinkedHashSet<>();
            documents.stream().filter(d -> d.text().generator().equals(generator)).forEach(d -> files.add(d.text().source()));
            groups.put("generator:" + generator, dedupeHumans(documents.stream()
                    .filter(d -> files.contains(d.text().source()))
                    .filter(d -> !d.text().machine() || d.text().generator().equals(generator)).toList()));
        }
        return groups;
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.md"), markdown());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("model", model);
        document.put("data", data);
        document.put("max_tokens", maxTokens);
        document.put("texts", texts);
        document.put("scope", scope);
        document.put("results", results);
        Files.write(directory.resolve("report.json"), JSON.writeValueAsBytes(document));
        for (Map.Entry<String, Map<String, double[][]>> entry : rocByFile.entrySet()) {
            Files.writeString(directory.resolve(svgName(entry.getKey())), RocSvg.render(entry.getKey(), entry.getValue()));
        }
    }

    /**
     * Appends a section to a written report: its markdown to report.md, its value to report.json under
     * {@code key}.
     */
    static void appendSection(Path directory, String markdown, String key, Object value) throws IOException {
        Files.writeString(directory.resolve("report.md"), markdown, StandardOpenOption.APPEND);
        Path file = directory.resolve("report.json");
        ObjectNode report = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        report.set(key, JSON.valueToTree(value));
        Files.write(file, JSON.writeValueAsBytes(report));
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Evaluation report\n\n");
        md.append("Model ").append(model).append("; data `").append(data).append("`; ").append(texts)
                .append(" texts, each scored on its first ").append(maxTokens).append(" tokens. Larger scores mean"
                        + " machine. AUROC and TPR at 1% and 5% FPR (threshold from the group's own human texts) with"
                        + " 95% intervals by document: a bootstrap that draws whole human documents (with their copies"
                        + " and their generators' texts), since texts of one document are not independent. Human"
                        + " texts that recur in several files count once in the aggregate groups. ").append(scope)
                .append(" The machine and human columns give the row's largest n; a cell computed on fewer texts"
                        + " ends with its own (machine/human).\n\n");
        for (String section : List.of("all", "file:", "generator:", "domain:")) {
            md.append("## ").append(switch (section) {
                case "all" -> "All data";
                case "file:" -> "By file";
                case "generator:" -> "By generator";
                default -> "By domain";
            }).append("\n\n");
            Predicate<String> inSection = section.equals("all") ? g -> g.startsWith("all") : g -> g.startsWith(section);
            table(md, "AUROC [95% CI]", inSection,
                    r -> String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.auroc(), r.aurocCi().lower(), r.aurocCi().upper()));
            table(md, "TPR at 1% FPR [95% CI]", inSection, r -> rate(r.at1().truePositiveRate(), r.at1().tprInterval()));
            table(md, "TPR at 5% FPR [95% CI]", inSection, r -> rate(r.at5().truePositiveRate(), r.at5().tprInterval()));
        }
        md.append("ROC plots: ");
        rocByFile.keySet().forEach(group -> md.append("[").append(group).append("](").append(svgName(group)).append(") "));
        return md.append('\n').toString();
    }

    private void table(StringBuilder md, String title, Predicate<String> inGroup, Function<GroupResult, String> cell) {
        md.append("**").append(title).append("**\n\n| group | machine | human |");
        detectors.forEach(d -> md.append(' ').append(d).append(" |"));
        md.append("\n|---|---|---|").append("---|".repeat(detectors.size())).append('\n');
        Map<String, Map<String, GroupResult>> rows = new LinkedHashMap<>();
        results.stream().filter(r -> inGroup.test(r.group()))
                .forEach(r -> rows.computeIfAbsent(r.group(), g -> new LinkedHashMap<>()).put(r.detector(), r));
        rows.forEach((group, byDetector) -> {
            md.append("| ").append(group.replaceFirst("^(file|generator|domain):", "")).append(" | ")
                    .append(byDetector.values().stream().mapToInt(GroupResult::positives).max().orElse(0)).append(" | ")
                    .append(byDetector.values().stream().mapToInt(GroupResult::negatives).max().orElse(0)).append(" |");
            int machine = byDetector.values().stream().mapToInt(GroupResult::positives).max().orElse(0);
            int human = byDetector.values().stream().mapToInt(GroupResult::negatives).max().orElse(0);
            detectors.forEach(d -> {
                GroupResult result = byDetector.get(d);
                md.append(' ').append(result == null ? "" : cell.apply(result));
                if (result != null && (result.positives() != machine || result.negatives() != human)) {
                    md.append(" (").append(result.positives()).append('/').append(result.negatives()).append(')');
                }
                md.append(" |");
            });
            md.append('\n');
        });
        md.append('\n');
    }

    private static String rate(double value, io.textprovenance.stats.calibration.Interval interval) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, interval.lower(), interval.upper());
    }

    static String svgName(String group) {
        return "roc-" + group.replaceFirst("^file:", "").replaceAll("[^A-Za-z0-9._-]+", "_") + ".svg";
    }

    private static void collect(Map<String, List<ScoredDocument>> groups, List<ScoredDocument> documents, String prefix,
                                Function<ScoredDocument, String> key) {
        Map<String, List<ScoredDocument>> byKey = new LinkedHashMap<>();
        documents.forEach(d -> byKey.computeIfAbsent(key.apply(d), k -> new ArrayList<>()).add(d));
        byKey.forEach((k, members) -> groups.put(prefix + k, dedupeHumans(members)));
    }

    /** Each human text once: the same human documents recur in every generator's file. */
    static List<ScoredDocument> dedupeHumans(List<ScoredDocument> documents) {
        Set<String> seen = new LinkedHashSet<>();
        List<ScoredDocument> kept = new ArrayList<>();
        for (ScoredDocument document : documents) {
            if (document.text().machine() || seen.add(document.text().text())) {
                kept.add(document);
            }
        }
        return kept;
    }

    private static double[] values(List<ScoredDocument> documents, String detector, boolean machine) {
        return documents.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
    }
}
