package io.textprovenance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labelling policy of docs/verdict.md, rule by rule. */
class VerdictPolicyTests {

    private final VerdictPolicy policy = new VerdictPolicy(PolicyThresholds.DEFAULTS);

    @Test
    void shouldSayUncertainBelowTheMinimumLength() {
        Decision decision = policy.decide(pawn(31, 0.99), DetectorName.PAWN, new PValues(0.001, 0.9, 32));
        assertThat(decision.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(decision.policy()).isEqualTo("too-short");
    }

    @Test
    void shouldJudgeACalibratedPawnByItsPValuesNotItsProbability() {
        // P(machine) 0.9 is above the uncalibrated 0.5 cut, but 30% of human texts score as high: not machine;
        // and it scores lower than all but 2% of machine texts: human
        assertThat(policy.decide(pawn(100, 0.9), DetectorName.PAWN, new PValues(0.30, 0.02, 96)).label())
                .isEqualTo(Label.HUMAN);
        Decision machine = policy.decide(pawn(100, 0.4), DetectorName.PAWN, new PValues(0.005, 0.5, 96));
        assertThat(machine.label()).isEqualTo(Label.MACHINE);
        assertThat(machine.policy()).isEqualTo("pawn");
        assertThat(machine.reason()).contains("p-value 0.0050 against human texts", "0.5000 against machine texts");
    }

    @Test
    void shouldNotCallATextHumanThatScoresLikeMachineTextOfItsLength() {
        // a short text: unremarkable among human texts (p 0.6) and among machine texts (p 0.4): no evidence
        assertThat(policy.decide(pawn(40, 0.3), DetectorName.PAWN, new PValues(0.6, 0.4, 32)).label())
                .isEqualTo(Label.UNCERTAIN);
        assertThat(policy.decide(pawn(40, 0.3), DetectorName.PAWN, new PValues(0.6, 0.06, 32)).label())
                .isEqualTo(Label.UNCERTAIN);
        assertThat(policy.decide(pawn(40, 0.3), DetectorName.PAWN, new PValues(0.6, 0.05, 32)).label())
                .isEqualTo(Label.HUMAN);
    }

    @Test
    void shouldSayUncertainNotHumanWithoutMachineReferencesOfTheTextsLength() {
        // issue 14: no fallback to "human when the p-value against human texts is large"
        Decision decision = policy.decide(pawn(100, 0.1), DetectorName.PAWN, new PValues(0.90, null, 96));
        assertThat(decision.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(decision.reason()).contains("no machine references");
        assertThat(policy.decide(pawn(100, 0.9), DetectorName.PAWN, new PValues(0.005, null, 96)).label())
                .isEqualTo(Label.MACHINE);
    }

    @Test
    void shouldFallBackToProbabilityCutsForAnUncalibratedPawn() {
        assertThat(policy.decide(pawn(100, 0.7), DetectorName.PAWN, PValues.NONE).label()).isEqualTo(Label.MACHINE);
        assertThat(policy.decide(pawn(100, 0.3), DetectorName.PAWN, PValues.NONE).label()).isEqualTo(Label.UNCERTAIN);
        Decision human = policy.decide(pawn(100, 0.1), DetectorName.PAWN, PValues.NONE);
        assertThat(human.label()).isEqualTo(Label.HUMAN);
        assertThat(human.reason()).contains("no PAWN calibration");
    }

    @Test
    void shouldUseTheCalibratedCriterionWithoutPawnAndSayUncertainWithoutCalibration() {
        TextScores text = zeroShot(100, 2.0);
        assertThat(text.policyScore()).isEqualTo(DetectorName.FAST_DETECT_GPT);
        assertThat(policy.decide(text, text.policyScore(), new PValues(0.004, 0.9, 96)).label()).isEqualTo(Label.MACHINE);
        assertThat(policy.decide(text, text.policyScore(), new PValues(0.5, 0.01, 96)).label()).isEqualTo(Label.HUMAN);
        assertThat(policy.decide(text, text.policyScore(), new PValues(0.5, 0.3, 96)).label()).isEqualTo(Label.UNCERTAIN);
        Decision uncalibrated = policy.decide(text, text.policyScore(), PValues.NONE);
        assertThat(uncalibrated.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(uncalibrated.policy()).isEqualTo("zero-shot");
        assertThat(uncalibrated.reason()).contains("no calibration.json");
    }

    @Test
    void shouldLabelByTheMachinePValueItIsGiven() {
        PValues p = new PValues(0.03, 0.5, 96);
        assertThat(new VerdictPolicy(PolicyThresholds.DEFAULTS).byPValues(p)).isEqualTo(Label.UNCERTAIN);
        assertThat(new VerdictPolicy(PolicyThresholds.DEFAULTS.withMachinePValue(0.05)).byPValues(p))
                .isEqualTo(Label.MACHINE);
    }

    @Test
    void shouldSayUncertainForATextWithoutLettersOrDigitsWhateverItsScores() {
        TextScores text = TextScores.of("\uD83D\uDE00 !!! ... ???", 500, Map.of(DetectorName.PAWN, 0.99), 500);
        Decision decision = policy.decide(text, DetectorName.PAWN, new PValues(0.0001, 0.9, 192));
        assertThat(decision.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(decision.policy()).isEqualTo("no-content");
        assertThat(decision.reason()).contains("no letter or digit");
        assertThat(TextContent.hasLettersOrDigits(" \t\n ")).isFalse();
        assertThat(TextContent.hasLettersOrDigits("\u6f22\u5b57")).isTrue();   // CJK letters
        assertThat(TextContent.hasLettersOrDigits("\u0663")).isTrue();   // an Arabic-Indic digit
    }

    private static TextScores pawn(int tokens, double probability) {
        return new TextScores(true, tokens, Map.of(DetectorName.PAWN, probability, DetectorName.FAST_DETECT_GPT, 0.0),
                tokens);
    }

    private static TextScores zeroShot(int tokens, double criterion) {
        return new TextScores(true, tokens, Map.of(DetectorName.FAST_DETECT_GPT, criterion), 0);
    }
}
