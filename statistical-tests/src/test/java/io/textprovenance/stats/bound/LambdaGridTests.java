package io.textprovenance.stats.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LambdaGridTests {

    @Test
    void shouldHalveTheSlopeFromFourOverC() {
        for (double clip : new double[] {2, 8, 10}) {
            LambdaGrid grid = LambdaGrid.ofSize(clip, 20);
            assertThat(grid.size()).isEqualTo(20);
            assertThat(grid.clip()).isEqualTo(clip);
            for (int k = 0; k < 20; k++) {
                assertThat(grid.lambda(k)).isEqualTo(4 / clip / Math.pow(2, k));
            }
        }
        assertThat(LambdaGrid.ofSize(8, 1).size()).isEqualTo(1);
        assertThat(LambdaGrid.ofSize(8, 2).toString()).isEqualTo("LambdaGrid[clip=8.0, lambdas=[0.5, 0.25]]");
    }

    @Test
    void shouldStopAtTheFirstSlopeAtOrBelowTheSmallestUsefulOne() {
        int[][] sizes = {{1, 2}, {2, 3}, {3, 3}, {16, 4}, {64, 5}, {100, 6}, {256, 6}, {1000, 7}, {4096, 8}, {1 << 20, 12}};
        for (int[] row : sizes) {
            for (double clip : new double[] {2, 10}) {
                LambdaGrid grid = LambdaGrid.forHorizon(clip, row[0]);
                double lowest = Math.sqrt(8 * Math.log(2) / row[0]) / clip;
                assertThat(grid.size()).as("n=%d c=%s", row[0], clip).isEqualTo(row[1]);
                assertThat(grid.lambda(grid.size() - 1)).isLessThanOrEqualTo(lowest);
                assertThat(grid.lambda(grid.size() - 2)).isGreaterThan(lowest);
                assertThat(grid.lambda(0)).isEqualTo(4 / clip);
            }
        }
    }

    @Test
    void shouldRefuseAnEmptyGrid() {
        assertThatThrownBy(() -> LambdaGrid.ofSize(8, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 1");
    }
}
