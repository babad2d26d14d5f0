package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textprovenance.evaluation.cache.CacheFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on a small data set with the tiny test model of the scoring module. */
class EvaluateTests {

    @TempDir
    Path directory;

    @Test
    void shouldWriteReportJsonRocPlotsAndCalibration() throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        StringBuilder human = new StringBuilder();
        StringBuilder machine = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            human.append(i == 0 ? "" : ", ").append('"').append("Report ").append(i)
                    .append(": the council met and argued about roads, schools and taxes for hours.\"");
            machine.append(i == 0 ? "" : ", ").append('"').append("The the the the the the ").append(i % 3).append('"');
        }
        Files.writeString(data.resolve("news_tiny.raw_data.json"),
                "{\"original\": [" + human + "], \"sampled\": [" + machine + "]}");
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
        JsonNode thresholds = new ObjectMapper().readTree(calibration.toFile()).get("scores");
        assertThat(thresholds.get("liketropy").get("threshold").isNumber()).isTrue();
        assertThat(thresholds.get("liketropy").get("test_fpr").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldGiveTheSameReportFromTheFeatureCacheAsFromScoring() throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        StringBuilder human = new StringBuilder();
        StringBuilder machine = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            human.append(i == 0 ? "" : ", ").append('"').append("Minutes ").append(i)
                    .append(": the board approved the budget after a long debate on parks.\"");
            machine.append(i == 0 ? "" : ", ").append('"').append("A a a a b b ").append(i % 5).append('"');
        }
        Files.writeString(data.resolve("news_tiny.raw_data.json"),
                "{\"original\": [" + human + "], \"sampled\": [" + machine + "]}");
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

    /** The tiny model lives with the scoring module's test resources; tests run from the module directory. */
    private static Path tinyModel() {
        return Path.of("../scoring/src/test/resources/tiny/scoring-graph").toAbsolutePath().normalize();
    }
}
