package io.textprovenance.verdict.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTests {

    private static final Path FORMAT_1 = Path.of("src/test/resources/calibration-format-1.json");

    @TempDir
    Path directory;

    @Test
    void shouldReadFormatOneWithEveryNumberInItsNewPlace() throws IOException {
        CalibrationFile file = CalibrationFile.read(FORMAT_1);
        assertThat(file.formatVersion()).isEqualTo(2);
        assertThat(file.modelSha256()).startsWith("a631b83d");
        assertThat(file.pawnSha256()).startsWith("0f9ff8c0");
        assertThat(file.maxTokens()).isEqualTo(512);
        assertThat(file.targetFpr()).isEqualTo(0.25);
        assertThat(file.testPolicy()).isEqualTo(new CalibrationFile.TestPolicy(32, 0.25, 0.05));
        ScoreCalibration pawn = file.scores().get("pawn");
        assertThat(pawn.threshold()).isEqualTo(0.7531158924102783);
        assertThat(pawn.calibrationHumanTexts()).isEqualTo(4);
        assertThat(pawn.humanReferences()).containsExactly(0.1, 0.2, 0.6, 0.7531158924102783);
        assertThat(pawn.machineReferences()).containsExactly(0.4, 0.8, 0.99);
        assertThat(pawn.test()).isEqualTo(new TestCheck(6, 1, 5, 4, List.of(new TestCheck.TokenBin("0-63", 2, 0, 1, 1),
                new TestCheck.TokenBin(">= 64", 4, 1, 4, 3)), 1L, 4L, new TestCheck.LabelCounts(1, 3, 2),
                new TestCheck.LabelCounts(4, 1, 0)));
        assertThat(pawn.test().falsePositiveRate()).isEqualTo(1 / 6.0);
        LengthCalibration level = pawn.byLength().get(0);
        assertThat(level.tokens()).isEqualTo(32);
        assertThat(level.threshold()).isEqualTo(0.8966736793518066);
        assertThat(level.humanReferences()).containsExactly(0.1, 0.2, 3.249678605546554E-4, 0.8966736793518066);
        assertThat(level.machineReferences()).containsExactly(0.5, 0.9, 0.95);
        assertThat(level.test()).isEqualTo(new LengthCheck(6, 1, 2, 5, 3, 3L, 1L));
    }

    @Test
    void shouldWriteFormatTwoAndReadItBackUnchanged() throws IOException {
        CalibrationFile file = CalibrationFile.read(FORMAT_1).withSplit(new CalibrationFile.SplitRecord(2025,
                List.of("00ab", "ff01"), List.of(CalibrationFile.SplitRecord.hash("One two three"))));
        Path written = directory.resolve("out/calibration.json");
        file.write(written);
        String json = Files.readString(written);
        assertThat(json).contains("\"formatVersion\" : 2", "\"humanReferences\"", "\"byLength\"", "\"seed\" : 2025")
                .doesNotContain("reference_scores", "test_fpr");
        CalibrationFile again = CalibrationFile.read(written);
        assertThat(again.split()).isEqualTo(file.split());
        assertThat(again.split().calibrationDocuments().get(0)).hasSize(16).matches("[0-9a-f]+");
        assertThat(again.testPolicy()).isEqualTo(file.testPolicy());
        ScoreCalibration before = file.scores().get("pawn");
        ScoreCalibration after = again.scores().get("pawn");
        assertThat(after.humanReferences()).containsExactly(before.humanReferences());
        assertThat(after.machineReferences()).containsExactly(before.machineReferences());
        assertThat(after.byLength().get(0).humanReferences()).containsExactly(before.byLength().get(0).humanReferences());
        assertThat(after.test()).isEqualTo(before.test());
        assertThat(after.byLength().get(0).test()).isEqualTo(before.byLength().get(0).test());
    }

    @Test
    void shouldRefuseAnotherFormatVersionAndInvalidContent() throws IOException {
        Path file = directory.resolve("calibration.json");
        Files.writeString(file, "{\"formatVersion\": 3, \"modelSha256\": \"a\", \"targetFpr\": 0.01, \"scores\": {}}");
        assertThatThrownBy(() -> CalibrationFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("formatVersion 3 is not supported");
        Files.writeString(file, "{\"formatVersion\": 2, \"modelSha256\": \"a\", \"targetFpr\": 1.5, \"scores\": {}}");
        assertThatThrownBy(() -> CalibrationFile.read(file)).hasMessageContaining("targetFpr");
        assertThatThrownBy(() -> new ScoreCalibration(0.5, 1, "u", null, List.of(), new double[0], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("humanReferences");
        assertThatThrownBy(() -> new ScoreCalibration(0.5, 1, "u", null, List.of(
                new LengthCalibration(64, 0.5, 1, null, new double[] {1}, null),
                new LengthCalibration(32, 0.5, 1, null, new double[] {1}, null)), new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThat(new CalibrationFile(2, null, "a", null, 512, 0.01, null, null, Map.of()).scores()).isEmpty();
    }
}
