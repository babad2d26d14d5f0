package io.textprovenance.evaluation.typeone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.window.Windower;
import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H0 is exact only for tokens drawn from the scorer's own conditionals (training/sample_texts.py --mode exact): the
 * check refuses other samples unless told, and says which guarantee holds for each.
 */
class TypeOneErrorCheckTests {

    private final Windower windower = new Windower(256);

    @Test
    void shouldAcceptASampleDrawnWithTheScorersWindows() {
        // what sample_texts.plan_windows(513, 256) writes for a 512-token sample
        Sample sample = sample(512, List.of(List.of(0, 256, 1), List.of(128, 384, 256), List.of(256, 512, 384),
                List.of(257, 513, 512)), 0);
        assertThat(TypeOneErrorCheck.deviation(sample, windower)).isEmpty();
        assertThatCode(() -> TypeOneErrorCheck.requireScorersConditionals(List.of(sample), windower))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseASampleDrawnWithASlidingWindow() {
        Sample sample = sample(257, List.of(List.of(0, 256, 1), List.of(1, 257, 256), List.of(2, 258, 257)), 0);
        assertThat(TypeOneErrorCheck.deviation(sample, windower)).contains(
                "drawn with other contexts than the scorer's windows");
        assertThatThrownBy(() -> TypeOneErrorCheck.requireScorersConditionals(List.of(sample), windower))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sample s1")
                .hasMessageContaining("--accept-inexact-h0 true");
    }

    @Test
    void shouldRefuseASampleDrawnAfterAnUnscoredPrompt() {
        Sample sample = sample(100, List.of(List.of(0, 101, 1)), 32);
        assertThat(TypeOneErrorCheck.deviation(sample, windower)).contains("drawn after an unscored prompt");
        assertThatThrownBy(() -> TypeOneErrorCheck.requireScorersConditionals(List.of(sample), windower))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldGiveOnlyTheAnytimeGuaranteeForADataDependentLength() {
        assertThat(TypeOneErrorCheck.guarantee(true, true)).startsWith("all three tests");
        assertThat(TypeOneErrorCheck.guarantee(true, false)).startsWith("anytime-mixture only");
        assertThat(TypeOneErrorCheck.guarantee(false, true)).startsWith("none formally");
        assertThat(TypeOneErrorCheck.guarantee(false, false)).startsWith("none formally");
    }

    @Test
    void shouldReadEachModesRecord(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("samples.jsonl");
        Files.writeString(file, """
                {"id":"a","text":"x y","token_ids":[5,6],"windows":[[0,3,1]]}
                {"id":"b","mode":"eos","text":"x","token_ids":[5],"windows":[[0,2,1]],"stop":"eos"}
                {"id":"c","mode":"prompted","text":"y","token_ids":[6],"prompt_ids":[1,2,3],"prompt":"p"}
                """);
        List<Sample> samples = Sample.readAll(file);
        assertThat(samples).extracting(Sample::mode).containsExactly("exact", "eos", "prompted");
        assertThat(samples).extracting(Sample::stop).containsExactly(Optional.empty(), Optional.of("eos"),
                Optional.empty());
        assertThat(samples).extracting(Sample::promptTokens).containsExactly(0, 0, 3);
        assertThat(samples.get(2).windows()).isEmpty();
        assertThat(TypeOneErrorCheck.deviation(samples.get(0), windower)).isEmpty();
        assertThat(TypeOneErrorCheck.deviation(samples.get(1), windower)).isEmpty();
    }

    @Test
    void shouldBoundTheRejectionRateOneSidedAsClopperPearson() {
        // k = 0: 1 - 0.05^(1/n), the "rule of three"
        assertThat(RejectionTable.upperBound(0, 500, 0.95)).isCloseTo(1 - Math.pow(0.05, 1.0 / 500), within(1e-9));
        // reference values: bisection on the exact binomial sum (= the Beta(k + 1, n - k) 0.95 quantile)
        assertThat(RejectionTable.upperBound(1, 100, 0.95)).isCloseTo(0.0465598, within(1e-6));
        assertThat(RejectionTable.upperBound(5, 500, 0.95)).isCloseTo(0.0209103, within(1e-6));
        assertThat(RejectionTable.upperBound(3, 3, 0.95)).isEqualTo(1.0);
    }

    @Test
    void shouldSummariseRejectionsWithTheirSideAndTheLengthRange() {
        RejectionTable table = new RejectionTable(java.util.Set.of("t"), TypeOneErrorCheck.BIN_EDGES);
        table.add(80, java.util.Map.of("t", result(0.4, true)));
        table.add(300, java.util.Map.of("t", result(-0.4, true)));
        table.add(120, java.util.Map.of("t", result(0.01, false)));

        assertThat(table.texts()).isEqualTo(3);
        assertThat(table.lengthRange()).isEqualTo("80-300");
        assertThat(table.meanStatistic()).isCloseTo(0.01 / 3, within(1e-12));
        assertThat(table.summaryCell("t")).isEqualTo(String.format(java.util.Locale.ROOT, "2/3 (%.4f), 1 above",
                RejectionTable.upperBound(2, 3, 0.95)));
    }

    private static TestResult result(double statistic, boolean rejected) {
        return new TestResult("t", Alternative.TWO_SIDED, 100, statistic, 0.3, 0.05, rejected ? 0.01 : 0.9, rejected);
    }

    private static Sample sample(int tokens, List<List<Integer>> windows, int promptTokens) {
        return new Sample("s1", "exact", "text", new long[tokens], Optional.of(windows), promptTokens,
                Optional.empty());
    }
}
