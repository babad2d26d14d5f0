package io.textprovenance.evaluation.typeone;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.evaluation.typeone.TypeOneErrorCheck.Sample;
import io.textprovenance.scoring.window.Windower;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sampler's window plan (training/sample_texts.py) must be the scorer's, or H0 is not exact. */
class TypeOneErrorCheckTests {

    private final Windower windower = new Windower(256);

    @Test
    void shouldAcceptASampleDrawnWithTheScorersWindows() {
        // what sample_texts.plan_windows(513, 256) writes for a 512-token sample
        Sample sample = sample(512, List.of(List.of(0, 256, 1), List.of(128, 384, 256), List.of(256, 512, 384),
                List.of(257, 513, 512)));
        assertThatCode(() -> TypeOneErrorCheck.requireScorersWindows(List.of(sample), windower))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseASampleDrawnWithASlidingWindow() {
        Sample sample = sample(300, List.of(List.of(0, 256, 1), List.of(45, 301, 256), List.of(46, 302, 301)));
        assertThatThrownBy(() -> TypeOneErrorCheck.requireScorersWindows(List.of(sample), windower))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sample s1");
    }

    private static Sample sample(int tokens, List<List<Integer>> windows) {
        return new Sample("s1", "text", new long[tokens], Optional.of(windows));
    }
}
