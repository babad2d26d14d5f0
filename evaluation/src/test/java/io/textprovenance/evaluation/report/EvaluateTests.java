package io.textprovenance.evaluation.report;

import static io.textprovenance.evaluation.report.EvaluationFixtures.bundledModel;
import static io.textprovenance.evaluation.report.EvaluationFixtures.pairFile;
import static io.textprovenance.evaluation.report.EvaluationFixtures.tinyModel;
import static io.textprovenance.evaluation.report.EvaluationFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The harness end to end on a small data set with the tiny test model of the scoring module. */
class EvaluateTests {

    @TempDir
    Path directory;

    @Test
    void shouldWriteReportJsonRocPlotsAndCalibration() throws IOException {
        Path data = pairFile(directory, 200, "Report %d: the council met and argued about roads, schools and taxes for hours.",
                "The the the the the the %d", 3);
        Path out = directory.resolve("report");
        Path calibration = directory.resolve("calibration.json");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", out.toString(), "--model", tinyModel().toString(),
                "--calibrate-out", calibration.toString(), "--fpr", "0.05"});
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("By file", "news_tiny.raw_data.json", "liketropy", "fast-detectgpt", "log-rank");
        JsonNode report = JsonMapper.shared().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("texts").asInt()).isEqualTo(400);
        assertThat(report.get("results")).isNotEmpty();
        for (JsonNode result : report.get("results")) {
            assertThat(result.get("auroc").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(out.resolve("roc-news_tiny.raw_data.json.svg")).exists();
        assertThat(Files.readString(out.resolve("roc-all.svg"))).startsWith("<svg").contains("polyline");
        JsonNode calibrationJson = JsonMapper.shared().readTree(calibration.toFile());
        JsonNode manifest = JsonMapper.shared().readTree(tinyModel().resolve("model.json").toFile());
        assertThat(calibrationJson.get("modelSha256").asString()).isEqualTo(manifest.get("sha256").get("model.onnx").asString());
        assertThat(calibrationJson.get("pawnSha256").isNull()).isTrue();
        assertThat(calibrationJson.get("maxTokens").asInt()).isEqualTo(512);
        JsonNode thresholds = calibrationJson.get("scores");
        assertThat(thresholds.get("liketropy").get("threshold").isNumber()).isTrue();
        JsonNode liketropy = thresholds.get("liketropy");
        assertThat(calibrationJson.get("formatVersion").asInt()).isEqualTo(2);
        assertThat(calibrationJson.get("split").get("seed").asInt()).isEqualTo(2025);
        assertThat(calibrationJson.get("split").get("calibrationDocuments")).isNotEmpty();
        JsonNode test = liketropy.get("test");
        assertThat(test.get("falsePositives").asInt()).isBetween(0, test.get("humanTexts").asInt());
        int humansByLength = 0;
        for (JsonNode bin : test.get("byTokenBin")) {
            humansByLength += bin.get("humans").asInt();
        }
        assertThat(humansByLength).isEqualTo(test.get("humanTexts").asInt());
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("## Calibrated thresholds (target FPR 5.0%)", "Test FPR by length", "intervals by document")
                .containsPattern("\\| liketropy \\| -?[0-9.]+ \\| [0-9]+ \\| [0-9.]+ \\[[0-9.]+, [0-9.]+\\] \\([0-9]+/"
                        + test.get("humanTexts").asInt() + "; [0-9]+ docs\\)");
    }

    @Test
    void shouldApplyShippedThresholdsUnchangedLeavingOutOnlyTheirOwnReferences() throws IOException {
        Path data = pairFile(directory, 60, "Report %d: the council met and argued about roads, schools and taxes for hours.",
                "The the the the the the %d", 3);
        Path calibration = directory.resolve("calibration.json");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", directory.resolve("fit").toString(), "--model",
                tinyModel().toString(), "--calibrate-out", calibration.toString(), "--fpr", "0.1", "--perturb-max", "0"});
        byte[] fitted = Files.readAllBytes(calibration);
        Path out = directory.resolve("applied");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", out.toString(), "--model", tinyModel().toString(),
                "--thresholds", calibration.toString(), "--min-tokens", "4", "--machine-p-value", "0.1",
                "--perturb-max", "0"});
        assertThat(Files.readAllBytes(calibration)).isEqualTo(fitted);   // applied, not refitted
        JsonNode report = JsonMapper.shared().readTree(out.resolve("report.json").toFile());
        int references = JsonMapper.shared().readTree(calibration.toFile()).get("split").get("calibrationDocuments").size();
        assertThat(report.get("scope").asString()).contains("texts of the calibration's own reference documents (left out)");
        assertThat(report.get("texts").asInt()).isEqualTo(120 - 2 * references).isPositive();
        JsonNode thresholds = report.get("thresholds");
        assertThat(thresholds.get("service").asString()).isEqualTo("fast-detectgpt");
        assertThat(thresholds.get("policy").get("machinePValue").asDouble()).isEqualTo(0.1);
        JsonNode criterion = thresholds.get("scores").get(1);
        assertThat(criterion.get("name").asString()).isEqualTo("fast-detectgpt");
        assertThat(criterion.get("truePositives").get("texts").asInt() + criterion.get("falsePositives").get("texts").asInt())
                .isEqualTo(report.get("texts").asInt());
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Shipped thresholds applied",
                "| fast-detectgpt (service) |", "The service's labels by group (fast-detectgpt)", " docs) |");

        Path unseen = directory.resolve("unseen");
        Files.createDirectories(unseen);
        Files.writeString(unseen.resolve("letters_tiny.jsonl"), "{\"text\": \"Dear editor, the bus was late again today.\","
                + " \"label\": \"human\"}\n{\"text\": \"The the the the the the the 1\", \"label\": \"machine\"}\n");
        Evaluate.main(new String[] {"--data", unseen.toString(), "--out", directory.resolve("new").toString(), "--model",
                tinyModel().toString(), "--thresholds", calibration.toString(), "--perturb-max", "0"});
        assertThat(JsonMapper.shared().readTree(directory.resolve("new/report.json").toFile()).get("scope").asString())
                .contains("on all 2 texts", "neither the calibration nor PAWN has seen");
    }

    @Test
    void shouldRefuseTheOldCalibrationFlagBothJobsAtOnceAndThresholdsOfAnotherModel() throws IOException {
        Path data = pairFile(directory, 4, "Memo %d: the depot opened late.", "A a a %d", 4);
        Path calibration = directory.resolve("calibration.json");
        assertThatThrownBy(() -> Evaluate.main(new String[] {"--data", data.toString(), "--calibration",
                calibration.toString()})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--calibrate-out FILE").hasMessageContaining("--thresholds FILE");
        assertThatThrownBy(() -> Evaluate.main(new String[] {"--data", data.toString(), "--calibrate-out",
                calibration.toString(), "--thresholds", calibration.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two jobs");
        assertThatThrownBy(() -> Evaluate.main(new String[] {"--data", data.toString(), "--model",
                tinyModel().toString(), "--thresholds", bundledModel().resolve("calibration.json").toString(),
                "--out", directory.resolve("x").toString()}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was made for the backbone");
    }

    /**
     * On the bundled model (context 256, with a PAWN head): the test model's context of 32 tokens leaves no
     * calibration length, hence no labels. Every test text is perturbed, so the labels before are those of
     * the calibration section's labels table.
     */
    @Test
    void shouldReportLabelChangesAndAurocUnderEachPerturbationAsked() throws IOException {
        Path data = pairFile(directory, 120, "Report %d: the council met on Monday and argued about roads.\nIt's the third meeting"
                + " this year, and members said \"enough\" twice.\n\nWho pays for the schools? Nobody knows yet. The"
                + " mayor's plan failed again, and the vote is next week.",
                "The the the the %d. The the the the the the the the the the the the the the the the the the the the the"
                + " the the the the the the the the the the the the the the the the the the the the.", 120);
        Path out = directory.resolve("report");
        Path calibration = directory.resolve("calibration.json");
        // the bundled head records no text normalization: accepted here, for a trained detector's robustness rows
        Evaluate.main(new String[] {"--data", data.toString(), "--out", out.toString(), "--model", bundledModel().toString(),
                "--calibrate-out", calibration.toString(), "--fpr", "0.1", "--pawn-require-normalization", "false",
                "--perturb-max", "1000", "--perturbations", "one-line,crlf,trailing-newline"});
        JsonNode robustness = JsonMapper.shared().readTree(out.resolve("report.json").toFile()).get("robustness");
        int machine = robustness.get("machineTexts").asInt();
        int human = robustness.get("humanTexts").asInt();
        int texts = machine + human;
        JsonNode thresholds = JsonMapper.shared().readTree(calibration.toFile()).get("scores");
        assertThat(machine).isEqualTo(thresholds.get("fast-detectgpt").get("test").get("machineTexts").asInt()).isPositive();
        assertThat(human).isEqualTo(thresholds.get("fast-detectgpt").get("test").get("humanTexts").asInt()).isPositive();
        assertThat(robustness.get("testTexts").asInt()).isEqualTo(texts);
        assertThat(robustness.get("labelled")).extracting(JsonNode::asString)
                .contains("liketropy", "fast-detectgpt", "log-likelihood", "log-rank", "pawn");
        for (String detector : List.of("fast-detectgpt", "pawn")) {
            JsonNode before = robustness.get("labelsBefore").get(detector);
            JsonNode humans = thresholds.get(detector).get("test").get("labelsOfHumanTexts");
            JsonNode machines = thresholds.get(detector).get("test").get("labelsOfMachineTexts");
            for (String label : List.of("machine", "human", "uncertain")) {
                assertThat(before.get(label).asInt()).as(detector + " " + label)
                        .isEqualTo(humans.get(label).asInt() + machines.get(label).asInt());
            }
        }
        assertThat(robustness.get("perturbations")).extracting(row -> row.get("perturbation").asString())
                .containsExactly("one-line", "crlf", "trailing-newline");
        // the human texts have line breaks, the machine texts none; every text gets a trailing newline
        assertThat(robustness.get("perturbations")).extracting(row -> row.get("altered").asInt())
                .containsExactly(human, human, texts);
        for (JsonNode row : robustness.get("perturbations")) {
            assertThat(row.get("texts").asInt()).isEqualTo(texts);
            for (JsonNode detector : robustness.get("labelled")) {
                JsonNode changes = row.get("labelChanges").get(detector.asString());
                assertThat(changes.get("compared").asInt()).isEqualTo(texts);
                assertThat(changes.get("changed").asInt()).isBetween(0, row.get("altered").asInt());
                assertThat(changes.get("interval").get("lower").asDouble())
                        .isLessThanOrEqualTo(changes.get("share").asDouble());
            }
            robustness.get("detectors").forEach(detector ->
                    assertThat(row.get("auroc").get(detector.asString()).asDouble()).isBetween(0.0, 1.0));
        }
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown.indexOf("## Robustness to formatting")).isGreaterThan(markdown.indexOf("## Calibrated thresholds"));
        assertThat(markdown).contains("| crlf | " + texts + " | " + human + " |", "| unperturbed |").doesNotContain("| curly-quotes |");
    }

    @Test
    void shouldLeaveTheSectionOutWithPerturbMaxZeroAndRefuseAnUnknownPerturbation() throws IOException {
        Path data = pairFile(directory, 20, "Memo %d: the depot\nopened late.", "A a a %d", 20);
        Path out = directory.resolve("off");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", out.toString(), "--model", tinyModel().toString(),
                "--perturb-max", "0"});
        assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("Robustness");
        assertThat(JsonMapper.shared().readTree(out.resolve("report.json").toFile()).has("robustness")).isFalse();
        assertThatThrownBy(() -> Evaluate.main(new String[] {"--data", data.toString(), "--out", out.toString(),
                "--model", tinyModel().toString(), "--perturbations", "one-line,tabs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown perturbation 'tabs'");
    }

    /**
     * A PAWN head is used only with the scorer's text normalization, as in the service (issue 14): the bundled tiny
     * head records none (refused unless accepted), one recording another is refused anyway; and a run that splits
     * the data must split it with the seed the head trained on.
     */
    @Test
    void shouldRefuseAPawnHeadOfAnotherNormalizationOrAnotherSplitSeed() throws IOException {
        Path data = pairFile(directory, 4, "Memo %d: the depot opened late.", "A a a %d", 4);
        String[] run = {"--data", data.toString(), "--out", directory.resolve("x").toString(), "--perturb-max", "0",
            "--model"};
        assertThatThrownBy(() -> Evaluate.main(with(run, bundledModel().toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("records no text normalization", "--pawn-require-normalization false");

        Path model = Files.createDirectories(directory.resolve("model"));
        for (String file : List.of("model.json", "model.onnx", "tokenizer.json", "pawn.onnx")) {
            Files.createSymbolicLink(model.resolve(file), bundledModel().resolve(file));
        }
        ObjectNode card = (ObjectNode) JsonMapper.shared().readTree(bundledModel().resolve("pawn.json").toFile());
        card.put("text_normalization", "layout-0");
        JsonMapper.shared().writeValue(model.resolve("pawn.json").toFile(), card);
        assertThatThrownBy(() -> Evaluate.main(with(run, model.toString(), "--pawn-require-normalization", "false")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'layout-0'");

        card.put("text_normalization", LayoutNormalizingTokenizer.VERSION);
        card.putObject("split").put("seed", 7).put("train_documents", 1).put("train_documents_sha256", "00");
        JsonMapper.shared().writeValue(model.resolve("pawn.json").toFile(), card);
        assertThatThrownBy(() -> Evaluate.main(with(run, model.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run with --seed 7");
    }
}
