package io.textprovenance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CalibrationTableTests {

    private static final String MODEL = "a".repeat(64);
    private static final String PAWN = "b".repeat(64);

    @TempDir
    Path directory;

    @Test
    void shouldGiveConformalPValuesOfTheModelItWasMadeFor() throws IOException {
        CalibrationTable table = CalibrationTable.load(write(MODEL, PAWN), MODEL, Optional.of(PAWN));
        assertThat(table.isEmpty()).isFalse();
        assertThat(table.targetFpr()).isEqualTo(0.25);
        // whole texts only: (1 + #{references >= 0.65}) / (1 + 4) = (1 + 1) / 5 at any length, no machine references
        assertThat(table.pValues(DetectorName.PAWN, 0.65, 40)).isEqualTo(new PValues(0.4, null, null));
        assertThat(table.pValues(DetectorName.PAWN, 0.65, 400)).isEqualTo(new PValues(0.4, null, null));
        assertThat(table.pValues(DetectorName.LIKETROPY, 0.0, 40)).isEqualTo(PValues.NONE);
        assertThat(table.calibrated()).containsExactly(DetectorName.PAWN);
    }

    @Test
    void shouldCompareATextWithTextsCutToTheLargestCalibratedLengthNotAboveItsOwn() throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, """
                {"formatVersion": 2, "model": "m", "modelSha256": "%s", "maxTokens": 512, "targetFpr": 0.25,
                 "scores": {"liketropy": {"threshold": 0.7, "calibrationHumanTexts": 4,
                  "humanReferences": [0.1, 0.2, 0.6, 0.7], "machineReferences": [0.0, 0.0, 0.0, 0.0],
                  "byLength": [{"tokens": 32, "threshold": 1.0, "calibrationHumanTexts": 4,
                                "humanReferences": [0.5, 0.8, 0.9, 1.0], "machineReferences": [0.6, 0.7, 1.1, 1.2]},
                               {"tokens": 64, "threshold": 0.6, "calibrationHumanTexts": 4,
                                "humanReferences": [0.3, 0.4, 0.5, 0.6]}]}}}
                """.formatted(MODEL));
        CalibrationTable table = CalibrationTable.load(file, MODEL, Optional.empty());
        // 32-token references; machine: (1 + #{m <= 0.65}) / (1 + 4) = 2 / 5
        assertThat(table.pValues(DetectorName.LIKETROPY, 0.65, 40)).isEqualTo(new PValues(4 / 5.0, 2 / 5.0, 32));
        assertThat(table.pValues(DetectorName.LIKETROPY, 0.65, 64)).isEqualTo(new PValues(1 / 5.0, null, 64));
        assertThat(table.pValues(DetectorName.LIKETROPY, 0.65, 2000)).isEqualTo(new PValues(1 / 5.0, null, 64));
        assertThat(table.pValues(DetectorName.LIKETROPY, 0.65, 10).referenceTokens()).isEqualTo(32);   // the shortest
    }

    @Test
    void shouldBeEmptyWithoutAFile() {
        CalibrationTable table = CalibrationTable.load(directory.resolve("calibration.json"), MODEL, Optional.empty());
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.pValues(DetectorName.PAWN, 0.5, 100)).isEqualTo(PValues.NONE);
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
    void shouldRefuseAFileThatIsNotJsonOrNamesAnUnknownField() throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, "thresholds: 0.5");
        assertThatThrownBy(() -> CalibrationTable.load(file, MODEL, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read calibration");
        Files.writeString(file, """
                {"formatVersion": 2, "modelSha256": "%s", "targetFpr": 0.25, "scores": {"pawn":
                 {"threshold": 0.7, "humanReferences": [0.1], "machineRefrences": [0.2]}}}""".formatted(MODEL));
        assertThatThrownBy(() -> CalibrationTable.load(file, MODEL, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("machineRefrences");
    }

    @Test
    void shouldLoadTheBundledCalibrationsForTheirModelsAndHeads() {
        for (String model : new String[] {"tiny", "smollm2-135m"}) {
            Path bundled = Path.of("../models", model).toAbsolutePath().normalize();
            JsonMapper json = JsonMapper.shared();
            String modelSha = json.readTree(bundled.resolve("model.json").toFile()).get("sha256").get("model.onnx").asString();
            JsonNode pawn = json.readTree(bundled.resolve("pawn.json").toFile());
            CalibrationTable table = CalibrationTable.load(bundled.resolve("calibration.json"), modelSha,
                    Optional.of(pawn.get("sha256").asString()));
            assertThat(table.targetFpr()).isEqualTo(0.01);
            assertThat(table.calibrated()).containsExactlyInAnyOrder(DetectorName.values());
            assertThat(table.pValues(DetectorName.FAST_DETECT_GPT, 0.0, 40).human()).isNotNull();
            assertThat(table.pValues(DetectorName.PAWN, 0.5, 40).referenceTokens()).isEqualTo(32);
            assertThat(table.pValues(DetectorName.PAWN, 0.01, 200).machine()).isNotNull();
        }
    }

    private Path write(String modelSha, String pawnSha) throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, """
                {"formatVersion": 2, "model": "tiny", "modelSha256": "%s", "pawnSha256": "%s", "maxTokens": 512,
                 "targetFpr": 0.25, "scores": {"pawn": {"threshold": 0.7, "calibrationHumanTexts": 4,
                 "humanReferences": [0.1, 0.2, 0.6, 0.7]}}}
                """.formatted(modelSha, pawnSha));
        return file;
    }
}
