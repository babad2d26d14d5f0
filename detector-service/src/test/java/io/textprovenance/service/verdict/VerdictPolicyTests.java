package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.service.verdict.VerdictPolicy.PValues;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The labelling policy of docs/verdict.md, rule by rule. */
class VerdictPolicyTests {

    private final VerdictPolicy policy = new VerdictPolicy(
            new VerdictProperties(0.05, 32, 0.01, 0.05, 0.2, 0.5, 0.2, DataSize.ofMegabytes(1), 32, 8192));

    @Test
    void shouldSayUncertainBelowTheMinimumLength() {
        VerdictPolicy.Decision decision = policy.decide(true, 31, Optional.of(0.99), new PValues(0.001, 0.9),
                new PValues(0.001, 0.9));
        assertThat(decision.label()).isEqualTo("uncertain");
        assertThat(decision.policy()).isEqualTo("too-short");
    }

    @Test
    void shouldJudgeACalibratedPawnByItsPValuesNotItsProbability() {
        // P(machine) 0.9 is above the uncalibrated 0.5 cut, but 30% of human texts score as high: not machine;
        // and it scores lower than all but 2% of machine texts: human
        assertThat(policy.decide(true, 100, Optional.of(0.9), new PValues(0.30, 0.02), PValues.NONE).label())
                .isEqualTo("human");
        VerdictPolicy.Decision machine = policy.decide(true, 100, Optional.of(0.4), new PValues(0.005, 0.5), PValues.NONE);
        assertThat(machine.label()).isEqualTo("machine");
        assertThat(machine.policy()).isEqualTo("pawn");
        assertThat(machine.reason()).contains("p-value 0.0050 against human texts", "0.5000 against machine texts");
    }

    @Test
    void shouldNotCallATextHumanThatScoresLikeMachineTextOfItsLength() {
        // a short text: unremarkable among human texts (p 0.6) and among machine texts (p 0.4): no evidence
        VerdictPolicy.Decision decision = policy.decide(true, 40, Optional.of(0.3), new PValues(0.6, 0.4), PValues.NONE);
        assertThat(decision.label()).isEqualTo("uncertain");
        assertThat(policy.decide(true, 40, Optional.of(0.3), new PValues(0.6, 0.06), PValues.NONE).label())
                .isEqualTo("uncertain");
        assertThat(policy.decide(true, 40, Optional.of(0.3), new PValues(0.6, 0.05), PValues.NONE).label())
                .isEqualTo("human");
    }

    @Test
    void shouldUseTheHumanPValueAloneForACalibrationWithoutMachineReferences() {
        assertThat(policy.decide(true, 100, Optional.of(0.9), new PValues(0.30, null), PValues.NONE).label())
                .isEqualTo("human");
        VerdictPolicy.Decision between = policy.decide(true, 100, Optional.of(0.9), new PValues(0.05, null), PValues.NONE);
        assertThat(between.label()).isEqualTo("uncertain");
        assertThat(between.reason()).contains("no machine references");
    }

    @Test
    void shouldFallBackToProbabilityCutsForAnUncalibratedPawn() {
        assertThat(policy.decide(true, 100, Optional.of(0.7), PValues.NONE, new PValues(0.5, null)).label()).isEqualTo("machine");
        assertThat(policy.decide(true, 100, Optional.of(0.3), PValues.NONE, new PValues(0.5, null)).label()).isEqualTo("uncertain");
        assertThat(policy.decide(true, 100, Optional.of(0.1), PValues.NONE, new PValues(0.5, null)).label()).isEqualTo("human");
    }

    @Test
    void shouldUseTheCalibratedCriterionWithoutPawnAndSayUncertainWithoutCalibration() {
        assertThat(policy.decide(true, 100, Optional.empty(), PValues.NONE, new PValues(0.004, 0.9)).label()).isEqualTo("machine");
        assertThat(policy.decide(true, 100, Optional.empty(), PValues.NONE, new PValues(0.5, 0.01)).label()).isEqualTo("human");
        assertThat(policy.decide(true, 100, Optional.empty(), PValues.NONE, new PValues(0.5, 0.3)).label()).isEqualTo("uncertain");
        VerdictPolicy.Decision uncalibrated = policy.decide(true, 100, Optional.empty(), PValues.NONE, PValues.NONE);
        assertThat(uncalibrated.label()).isEqualTo("uncertain");
        assertThat(uncalibrated.reason()).contains("no calibration.json");
    }

    @Test
    void shouldSayUncertainForATextWithoutLettersOrDigitsWhateverItsScores() {
        VerdictPolicy.Decision decision = policy.decide(false, 500, Optional.of(0.99), new PValues(0.0001, 0.9),
                new PValues(0.0001, 0.9));
        assertThat(decision.label()).isEqualTo("uncertain");
        assertThat(decision.policy()).isEqualTo("no-content");
        assertThat(decision.reason()).contains("no letter or digit");
        assertThat(TextContent.hasLettersOrDigits(" \t\n ")).isFalse();
        assertThat(TextContent.hasLettersOrDigits("\uD83D\uDE00\uD83C\uDF89 !!! ... ???")).isFalse();
        assertThat(TextContent.hasLettersOrDigits("\u6f22\u5b57")).isTrue();   // CJK letters
        assertThat(TextContent.hasLettersOrDigits("\u0663")).isTrue();   // an Arabic-Indic digit
    }
}
