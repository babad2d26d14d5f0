package io.textprovenance.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTableTests {

    private static final String MODEL = "a".repeat(64);
    private static final String PAWN = "b".repeat(64);

    @TempDir
    Path directory;

    @Test
    void shouldGiveConformalPValuesAndThresholdsOfTheModelItWasMadeFor() throws IOException {
        CalibrationTable table = CalibrationTable.load(write(MODEL, PAWN), MODEL, Optional.of(PAWN));
        assertThat(table.isEmpty()).isFalse();
        assertThat(table.targetFpr()).isEqualTo(0.25);
        // whole texts only: (1 + #{references >= 0.65}) / (1 + 4) = (1 + 1) / 5 at any length
        assertThat(table.pValue("pawn", 0.65, 40)).hasValue(0.4);
        assertThat(table.pValue("pawn", 0.65, 400)).hasValue(0.4);
        assertThat(table.referenceTokens("pawn", 40)).isEmpty();
        assertThat(table.missPValue("pawn", 0.65, 40)).isEmpty();   // no machine references
        assertThat(table.pValue("liketropy", 0.0, 40)).isEmpty();
    }

    @Test
    void shouldCompareATextWithHumanTextsCutToTheLargestCalibratedLengthNotAboveItsOwn() throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, """
                {"modelSha256": "%s", "targetFpr": 0.25, "scores": {"liketropy": {"threshold": 0.7,
                  "reference_scores": [0.1, 0.2, 0.6, 0.7],
                  "machine_reference_scores": [0.0, 0.0, 0.0, 0.0],
                  "by_length": [{"tokens": 32, "reference_scores": [0.5, 0.8, 0.9, 1.0],
                                 "machine_reference_scores": [0.6, 0.7, 1.1, 1.2]},
                                {"tokens": 64, "reference_scores": [0.3, 0.4, 0.5, 0.6]}]}}}
                """.formatted(MODEL));
        CalibrationTable table = CalibrationTable.load(file, MODEL, Optional.empty());
        assertThat(table.pValue("liketropy", 0.65, 40)).hasValue(4 / 5.0);   // 32-token references
        assertThat(table.referenceTokens("liketropy", 40)).hasValue(32);
        assertThat(table.pValue("liketropy", 0.65, 64)).hasValue(1 / 5.0);   // 64-token references
        assertThat(table.pValue("liketropy", 0.65, 2000)).hasValue(1 / 5.0);
        assertThat(table.referenceTokens("liketropy", 2000)).hasValue(64);
        assertThat(table.referenceTokens("liketropy", 10)).hasValue(32);     // shorter than all: the shortest
        // machine references of the same length: (1 + #{m <= 0.65}) / (1 + 4) = 2 / 5; none at 64 tokens
        assertThat(table.missPValue("liketropy", 0.65, 40)).hasValue(2 / 5.0);
        assertThat(table.missPValue("liketropy", 0.65, 100)).isEmpty();
    }

    @Test
    void shouldBeEmptyWithoutAFile() {
        CalibrationTable table = CalibrationTable.load(directory.resolve("calibration.json"), MODEL, Optional.empty());
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.pValue("pawn", 0.5, 100)).isEmpty();
    }

    @Test
    void shouldRefuseACalibrationOfAnotherBackbone() throws IOException {
        Path file = write("c".repeat(64), PAWN);
        assertThatThrownBy(() -> CalibrationTable.load(file, MODEL, Optional.of(PAWN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backbone model.onnx").hasMessageContaining("c".repeat(64))
                .hasMessageContaining(MODEL).hasMessageContaining("Regenerate");
    }

    @Test
    void shouldRefuseACalibrationOfAnotherPawnHeadButNotWhenNoHeadIsLoaded() throws IOException {
        Path file = write(MODEL, "d".repeat(64));
        assertThatThrownBy(() -> CalibrationTable.load(file, MODEL, Optional.of(PAWN)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PAWN head pawn.onnx");
        assertThat(CalibrationTable.load(file, MODEL, Optional.empty()).isEmpty()).isFalse();
    }

    @Test
    void shouldRefuseACalibrationThatDoesNotSayWhichModelItIsFor() throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, "{\"targetFpr\": 0.01, \"scores\": {}}");
        assertThatThrownBy(() -> CalibrationTable.load(file, MODEL, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no modelSha256");
    }

    @Test
    void shouldRefuseAFileThatIsNotJson() throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, "thresholds: 0.5");
        assertThatThrownBy(() -> CalibrationTable.load(file, MODEL, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read calibration");
    }

    @Test
    void shouldLoadTheBundledCalibrationForTheBundledModelAndHead() throws IOException {
        Path bundled = Path.of("../models/tiny").toAbsolutePath().normalize();
        ObjectMapper json = new ObjectMapper();
        String modelSha = json.readTree(bundled.resolve("model.json").toFile()).get("sha256").get("model.onnx").asText();
        JsonNode pawn = json.readTree(bundled.resolve("pawn.json").toFile());
        CalibrationTable table = CalibrationTable.load(bundled.resolve("calibration.json"), modelSha,
                Optional.of(pawn.get("sha256").asText()));
        assertThat(table.targetFpr()).isEqualTo(0.01);
        assertThat(table.pValue("pawn", 0.5, 200)).isPresent();
        assertThat(table.pValue("fast-detectgpt", 0.0, 40)).isPresent();
        assertThat(table.referenceTokens("pawn", 40)).hasValue(32);
        assertThat(table.referenceTokens("pawn", 500)).isPresent();
        assertThat(table.missPValue("pawn", 0.01, 200)).isPresent();
    }

    private Path write(String modelSha, String pawnSha) throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, """
                {"model": "tiny", "modelSha256": "%s", "pawnSha256": "%s", "maxTokens": 512, "targetFpr": 0.25,
                 "scores": {"pawn": {"threshold": 0.7, "reference_scores": [0.1, 0.2, 0.6, 0.7]}}}
                """.formatted(modelSha, pawnSha));
        return file;
    }
}
