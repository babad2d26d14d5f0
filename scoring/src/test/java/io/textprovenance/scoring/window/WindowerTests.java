package io.textprovenance.scoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowerTests {

    private final Windower windower = new Windower(256);

    @Test
    void shouldUseOneWindowWhenTheDocumentFits() {
        assertThat(windower.plan(256)).containsExactly(new Window(0, 256, 1));
        assertThat(windower.plan(10)).containsExactly(new Window(0, 10, 1));
    }

    @Test
    void shouldScoreNothingWithoutATokenAfterBos() {
        assertThat(windower.plan(1)).isEmpty();
        assertThat(windower.plan(0)).isEmpty();
    }

    @Test
    void shouldScoreEveryTokenExactlyOnceWithHalfAContextOfLeftContext() {
        for (int n = 2; n <= 3000; n += 7) {
            List<Window> windows = windower.plan(n);
            int[] scored = new int[n];
            for (int w = 0; w < windows.size(); w++) {
                Window window = windows.get(w);
                assertThat(window.length()).isLessThanOrEqualTo(256);
                assertThat(window.end()).isLessThanOrEqualTo(n);
                if (w > 0) {
                    assertThat(window.scoredFrom() - window.start()).as("left context, n=%d", n)
                            .isGreaterThanOrEqualTo(128);
                }
                for (int p = window.scoredFrom(); p < window.end(); p++) {
                    scored[p]++;
                }
            }
            assertThat(scored[0]).isZero();
            for (int p = 1; p < n; p++) {
                assertThat(scored[p]).as("position %d of %d", p, n).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldRejectATinyContext() {
        assertThatThrownBy(() -> new Windower(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
