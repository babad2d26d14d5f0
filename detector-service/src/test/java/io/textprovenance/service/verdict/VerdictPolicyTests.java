package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The labelling policy of docs/verdict.md, rule by rule. */
class VerdictPolicyTests {

    private final VerdictPolicy policy = new VerdictPolicy(
            new VerdictProperties(0.05, 32, 0.01, 0.2, 0.5, 0.2, DataSize.ofMegabytes(1), 32));

    @Test
    void shouldSayUncertainBelowTheMinimumLength() {
        VerdictPolicy.Decision decision = policy.decide(31, Optional.of(0.99), 0.001, 0.001);
        assertThat(decision.label()).isEqualTo("uncertain");
        assertThat(decision.policy()).isEqualTo("too-short");
    }

    @Test
    void shouldJudgeACalibratedPawnByItsPValueNotItsProbability() {
        // P(machine) 0.9 is above the uncalibrated 0.5 cut, but 30% of human texts score as high: not machine
        assertThat(policy.decide(100, Optional.of(0.9), 0.30, null).label()).isEqualTo("human");
        assertThat(policy.decide(100, Optional.of(0.9), 0.05, null).label()).isEqualTo("uncertain");
        VerdictPolicy.Decision machine = policy.decide(100, Optional.of(0.4), 0.005, null);
        assertThat(machine.label()).isEqualTo("machine");
        assertThat(machine.policy()).isEqualTo("pawn");
        assertThat(machine.reason()).contains("p-value 0.0050");
    }

    @Test
    void shouldFallBackToProbabilityCutsForAnUncalibratedPawn() {
        assertThat(policy.decide(100, Optional.of(0.7), null, 0.5).label()).isEqualTo("machine");
        assertThat(policy.decide(100, Optional.of(0.3), null, 0.5).label()).isEqualTo("uncertain");
        assertThat(policy.decide(100, Optional.of(0.1), null, 0.5).label()).isEqualTo("human");
    }

    @Test
    void shouldUseTheCalibratedCriterionWithoutPawnAndSayUncertainWithoutCalibration() {
        assertThat(policy.decide(100, Optional.empty(), null, 0.004).label()).isEqualTo("machine");
        assertThat(policy.decide(100, Optional.empty(), null, 0.5).label()).isEqualTo("human");
        VerdictPolicy.Decision uncalibrated = policy.decide(100, Optional.empty(), null, null);
        assertThat(uncalibrated.label()).isEqualTo("uncertain");
        assertThat(uncalibrated.reason()).contains("no calibration.json");
    }
}
