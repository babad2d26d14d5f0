package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.textprovenance.evaluation.cache.CacheFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on a small data set with the tiny test model of the scoring module. */
class EvaluateTests {

    @TempDir
    Path directory;

    @Test
    void shouldWriteReportJsonRocPlotsAndCalibration() throws IOException {
        Path data = pairFile(200, "Report %d: the council met and argued about roads, schools and taxes for hours.",
                "The the the the the the %d", 3);
        Path out = directory.resolve("report");
        Path calibration = directory.resolve("calibration.json");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", out.toString(), "--model", tinyModel().toString(),
                "--calibration", calibration.toString(), "--fpr", "0.05"});
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("By file", "news_tiny.raw_data.json", "liketropy", "fast-detectgpt", "log-rank");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("texts").asInt()).isEqualTo(400);
        assertThat(report.get("results")).isNotEmpty();
        for (JsonNode result : report.get("results")) {
            assertThat(result.get("auroc").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(out.resolve("roc-news_tiny.raw_data.json.svg")).exists();
        assertThat(Files.readString(out.resolve("roc-all.svg"))).startsWith("<svg").contains("polyline");
        JsonNode calibrationJson = new ObjectMapper().readTree(calibration.toFile());
        JsonNode manifest = new ObjectMapper().readTree(tinyModel().resolve("model.json").toFile());
        assertThat(calibrationJson.get("modelSha256").asText()).isEqualTo(manifest.get("sha256").get("model.onnx").asText());
        assertThat(calibrationJson.get("pawnSha256").isNull()).isTrue();
        assertThat(calibrationJson.get("maxTokens").asInt()).isEqualTo(512);
        JsonNode thresholds = calibrationJson.get("scores");
        assertThat(thresholds.get("liketropy").get("threshold").isNumber()).isTrue();
        JsonNode liketropy = thresholds.get("liketropy");
        assertThat(liketropy.get("test_fpr").asDouble()).isBetween(0.0, 1.0);
        assertThat(liketropy.get("test_false_positives").asDouble() / liketropy.get("test_human_texts").asInt())
                .isEqualTo(liketropy.get("test_fpr").asDouble());
        int humansByLength = 0;
        for (JsonNode bin : liketropy.get("test_by_length")) {
            humansByLength += bin.get("humans").asInt();
        }
        assertThat(humansByLength).isEqualTo(liketropy.get("test_human_texts").asInt());
        assertThat(Files.readString(out.resolve("report.md")))
                .contains("## Calibrated thresholds (target FPR 5.0%)", "Test FPR by length")
                .containsPattern("\\| liketropy \\| -?[0-9.]+ \\| [0-9]+ \\| [0-9.]+ \\[[0-9.]+, [0-9.]+\\] \\([0-9]+/"
                        + liketropy.get("test_human_texts").asInt() + "\\)");
    }

    @Test
    void shouldGiveTheSameReportFromTheFeatureCacheAsFromScoring() throws IOException {
        Path data = pairFile(40, "Minutes %d: the board approved the budget after a long debate on parks.",
                "A a a a b b %d", 5);
        Path features = directory.resolve("features");
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", features.toString(),
                "--model", tinyModel().toString(), "--max-tokens", "16"});
        Path scored = directory.resolve("scored");
        Path cached = directory.resolve("cached");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", scored.toString(), "--model",
                tinyModel().toString(), "--max-tokens", "16"});
        Evaluate.main(new String[] {"--data", data.toString(), "--out", cached.toString(), "--model",
                tinyModel().toString(), "--max-tokens", "16", "--features", features.toString()});
        ObjectMapper json = new ObjectMapper();
        JsonNode fromScoring = json.readTree(scored.resolve("report.json").toFile()).get("results");
        JsonNode fromCache = json.readTree(cached.resolve("report.json").toFile()).get("results");
        assertThat(fromScoring).isNotEmpty();
        assertThat(fromCache).isEqualTo(fromScoring);
    }

    @Test
    void shouldRewriteOnlyTheSplitsWhenReindexing() throws IOException {
        Path data = pairFile(30, "Notes %d: the library extended its opening hours for students during exams.",
                "B b b c c %d", 4);
        Path features = directory.resolve("features");
        String[] cache = {"--data", data.toString(), "--out", features.toString(), "--model", tinyModel().toString(),
            "--max-tokens", "16"};
        CacheFeatures.main(cache);
        List<String> before = Files.readAllLines(features.resolve("index.jsonl"));
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", features.toString(), "--seed", "7",
            "--reindex", "true"});
        List<String> after = Files.readAllLines(features.resolve("index.jsonl"));
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < before.size(); i++) {
            ObjectNode was = (ObjectNode) json.readTree(before.get(i));
            ObjectNode now = (ObjectNode) json.readTree(after.get(i));
            was.remove("split");
            now.remove("split");
            assertThat(now).isEqualTo(was);
        }
    }

    @Test
    void shouldRefuseAFeatureCacheOfAnotherTokenLimit() throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.writeString(data.resolve("news_tiny.raw_data.json"),
                "{\"original\": [\"The council met on Monday.\"], \"sampled\": [\"The the the the.\"]}");
        Path features = directory.resolve("features");
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", features.toString(),
                "--model", tinyModel().toString(), "--max-tokens", "16"});
        assertThatThrownBy(() -> Evaluate.main(new String[] {"--data", data.toString(), "--out",
                directory.resolve("out").toString(), "--model", tinyModel().toString(), "--max-tokens", "32",
                "--features", features.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 32");
    }

    /**
     * A data directory with one pair file news_tiny.raw_data.json of n human texts (humanFormat with i) and n
     * machine texts (machineFormat with i mod machineVariants).
     */
    private Path pairFile(int n, String humanFormat, String machineFormat, int machineVariants) throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        List<String> human = new ArrayList<>();
        List<String> machine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            human.add(String.format(humanFormat, i));
            machine.add(String.format(machineFormat, i % machineVariants));
        }
        new ObjectMapper().writeValue(data.resolve("news_tiny.raw_data.json").toFile(),
                Map.of("original", human, "sampled", machine));
        return data;
    }

    /** The tiny model lives with the scoring module's test resources; tests run from the module directory. */
    private static Path tinyModel() {
        return Path.of("../scoring/src/test/resources/tiny/scoring-graph").toAbsolutePath().normalize();
    }
}
