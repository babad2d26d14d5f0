package io.textprovenance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyThresholdsTests {

    @Test
    void shouldHoldTheServicesDefaults() {
        assertThat(PolicyThresholds.DEFAULTS).isEqualTo(new PolicyThresholds(32, 0.01, 0.05, 0.5, 0.2));
    }

    @Test
    void shouldRefuseValuesOutOfRangeNamingThem() {
        assertThatThrownBy(() -> PolicyThresholds.DEFAULTS.withMachinePValue(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("machinePValue");
        assertThatThrownBy(() -> PolicyThresholds.DEFAULTS.withHumanMissPValue(0.6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("humanMissPValue");
        assertThatThrownBy(() -> PolicyThresholds.DEFAULTS.withMinTokens(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minTokens");
        assertThatThrownBy(() -> new PolicyThresholds(32, 0.01, 0.05, 0.3, 0.4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pawnHuman");
    }
}
