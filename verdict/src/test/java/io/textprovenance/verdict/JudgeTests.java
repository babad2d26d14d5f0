package io.textprovenance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.verdict.calibration.CalibrationFile;
import io.textprovenance.verdict.calibration.LengthCalibration;
import io.textprovenance.verdict.calibration.ScoreCalibration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTests {

    /** 99 human references 0.01 .. 0.99 and 19 machine references 0.05 .. 0.95 at 32 tokens, none at 64. */
    private static final CalibrationTable TABLE = CalibrationTable.of(new CalibrationFile(2, "m", "a".repeat(64),
            "b".repeat(64), 512, 0.01, null, null, Map.of("pawn", score(), "fast-detectgpt", score())));

    @Test
    void shouldReadPawnAtTheTokensItReadAndTheCriterionAtAllTokens() {
        TextScores text = new TextScores(true, 600, Map.of(DetectorName.PAWN, 0.995, DetectorName.FAST_DETECT_GPT, 0.5),
                40);
        Judge.Judgement judgement = new Judge(TABLE, PolicyThresholds.DEFAULTS).judge(text);
        assertThat(judgement.policyScore()).isEqualTo(DetectorName.PAWN);
        assertThat(judgement.referenceTokens()).isEqualTo(32);
        assertThat(judgement.of(DetectorName.FAST_DETECT_GPT).referenceTokens()).isEqualTo(64);
        assertThat(judgement.of(DetectorName.LOG_RANK)).isEqualTo(PValues.NONE);
        // (1 + 0) / 100 = 0.01 <= 0.01
        assertThat(judgement.of(DetectorName.PAWN).human()).isEqualTo(0.01);
        assertThat(judgement.label()).isEqualTo(Label.MACHINE);
    }

    @Test
    void shouldFollowTheMachinePValueItIsGiven() {
        TextScores text = new TextScores(true, 100, Map.of(DetectorName.FAST_DETECT_GPT, 0.975), 0);
        // (1 + #{h >= 0.975}) / 100 = 0.03; no machine references at 64 tokens: never human
        assertThat(new Judge(TABLE, PolicyThresholds.DEFAULTS).judge(text).label()).isEqualTo(Label.UNCERTAIN);
        assertThat(new Judge(TABLE, PolicyThresholds.DEFAULTS.withMachinePValue(0.03)).judge(text).label())
                .isEqualTo(Label.MACHINE);
        TextScores low = new TextScores(true, 40, Map.of(DetectorName.FAST_DETECT_GPT, 0.01), 0);
        // 32 tokens: (1 + #{m <= 0.01}) / 20 = 0.05
        assertThat(new Judge(TABLE, PolicyThresholds.DEFAULTS).judge(low).label()).isEqualTo(Label.HUMAN);
        assertThat(new Judge(TABLE, PolicyThresholds.DEFAULTS.withHumanMissPValue(0.04)).judge(low).label())
                .isEqualTo(Label.UNCERTAIN);
    }

    @Test
    void shouldDecideByAnotherScoreAsThePolicyWouldWithItInPlace() {
        TextScores text = new TextScores(true, 100, Map.of(DetectorName.PAWN, 0.1, DetectorName.FAST_DETECT_GPT, 0.995),
                100);
        Judge judge = new Judge(TABLE, PolicyThresholds.DEFAULTS);
        assertThat(judge.decideBy(DetectorName.FAST_DETECT_GPT, text).label()).isEqualTo(Label.MACHINE);
        assertThat(judge.decideBy(DetectorName.FAST_DETECT_GPT, text).policy()).isEqualTo("zero-shot");
        assertThat(judge.decideBy(DetectorName.LOG_RANK, new TextScores(true, 100, Map.of(DetectorName.LOG_RANK, 1.0), 0))
                .label()).isEqualTo(Label.UNCERTAIN);
    }

    private static ScoreCalibration score() {
        double[] human = java.util.stream.IntStream.rangeClosed(1, 99).mapToDouble(i -> i / 100.0).toArray();
        double[] machine = java.util.stream.IntStream.rangeClosed(1, 19).mapToDouble(i -> i / 20.0).toArray();
        return new ScoreCalibration(0.99, 99, "one per document", null, List.of(
                new LengthCalibration(32, 0.99, 99, null, human, machine),
                new LengthCalibration(64, 0.99, 99, null, human, null)), human, machine);
    }
}
