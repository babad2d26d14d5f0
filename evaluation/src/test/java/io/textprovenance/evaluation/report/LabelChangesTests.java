package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.stats.calibration.Proportions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelChangesTests {

    @Test
    void shouldCountTheTextsWhoseLabelChanged() {
        LabelChanges changes = LabelChanges.of(List.of("machine", "human", "uncertain", "machine", "human"),
                List.of("machine", "machine", "uncertain", "human", "human"));
        assertThat(changes.compared()).isEqualTo(5);
        assertThat(changes.changed()).isEqualTo(2);
        assertThat(changes.share()).isEqualTo(0.4);
        assertThat(changes.interval()).isEqualTo(Proportions.wilson(2, 5, 0.95));
    }

    @Test
    void shouldLeaveOutTextsWithoutALabelOnEitherSide() {
        LabelChanges changes = LabelChanges.of(Arrays.asList("machine", null, "human"),
                Arrays.asList(null, "human", "uncertain"));
        assertThat(changes.compared()).isEqualTo(1);
        assertThat(changes.changed()).isEqualTo(1);
    }

    @Test
    void shouldHaveNoIntervalWhenNothingWasCompared() {
        LabelChanges changes = LabelChanges.of(List.of(), List.of());
        assertThat(changes.compared()).isZero();
        assertThat(changes.interval()).isNull();
        assertThat(changes.share()).isNaN();
    }

    @Test
    void shouldRefuseListsOfDifferentLengths() {
        assertThatThrownBy(() -> LabelChanges.of(List.of("human"), List.of("human", "machine")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
