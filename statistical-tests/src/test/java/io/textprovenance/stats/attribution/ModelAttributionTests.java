package io.textprovenance.stats.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.Fixtures;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Bonferroni correction of the attribution: each of K models is tested at alpha / K. A text whose p-value under a
 * model lies between alpha / K and alpha is rejected by that model's test alone, and must not be rejected within an
 * attribution among K models; these tests fail if the correction is dropped (every model tested at alpha).
 */
class ModelAttributionTests {

    private static final double ALPHA = 0.05;
    private final VarianceAdaptiveTest freedman = new VarianceAdaptiveTest();
    private final ModelAttribution attribution = new ModelAttribution(freedman, Alternative.TWO_SIDED);

    @Test
    void shouldTestEachOfKModelsAtAlphaOverK() {
        TokenSeries series = Fixtures.constant(200, 0.1, 1.0);
        Map<String, TokenSeries> three = new LinkedHashMap<>();
        three.put("a", series);
        three.put("b", Fixtures.constant(200, -0.05, 2.0));
        three.put("c", Fixtures.constant(200, 0.0, 0.5));

        List<ModelTest> tests = attribution.test(three, ALPHA);

        assertThat(tests).extracting(ModelTest::model).containsExactly("a", "b", "c");
        TestResult atCorrectedLevel = freedman.test(series, ALPHA / 3, Alternative.TWO_SIDED);
        TestResult uncorrected = freedman.test(series, ALPHA, Alternative.TWO_SIDED);
        for (ModelTest test : tests) {
            assertThat(test.alpha()).isEqualTo(ALPHA / 3);
            assertThat(test.models()).isEqualTo(3);
            assertThat(test.familyAlpha()).isEqualTo(ALPHA);
        }
        assertThat(tests.get(0).result().threshold()).isEqualTo(atCorrectedLevel.threshold())
                .isGreaterThan(uncorrected.threshold());
        assertThat(tests.get(0).result().pValue()).isEqualTo(uncorrected.pValue());
        assertThat(ModelAttribution.levelPerModel(ALPHA, 4)).isEqualTo(ALPHA / 4);
    }

    @Test
    void shouldNotRejectInAnAttributionOfTwoWhatOnlyTheUncorrectedLevelRejects() {
        TokenSeries series = seriesWithPValue(0.035);
        double p = freedman.test(series, ALPHA, Alternative.TWO_SIDED).pValue();
        assertThat(p).isBetween(ALPHA / 2, ALPHA);

        List<ModelTest> alone = attribution.test(Map.of("m", series), ALPHA);
        Map<String, TokenSeries> two = new LinkedHashMap<>();
        two.put("m", series);
        two.put("other", series);
        List<ModelTest> together = attribution.test(two, ALPHA);

        assertThat(alone.get(0).rejected()).isTrue();
        assertThat(alone.get(0).adjustedPValue()).isEqualTo(p);
        assertThat(together).noneMatch(ModelTest::rejected);
        assertThat(together.get(0).adjustedPValue()).isCloseTo(2 * p, within(1e-15));
        assertThat(ModelAttribution.attributedTo(together)).containsExactly("m", "other");
        assertThat(ModelAttribution.attributedTo(alone)).isEmpty();
    }

    @Test
    void shouldRejectExactlyWhenTheAdjustedPValueIsAtMostTheFamilyLevel() {
        for (double difference = -0.6; difference <= 0.6; difference += 0.01) {
            Map<String, TokenSeries> models = new LinkedHashMap<>();
            models.put("a", Fixtures.constant(150, difference, 1.5));
            models.put("b", Fixtures.constant(150, difference / 2, 1.5));
            models.put("c", Fixtures.constant(150, -difference, 0.8));
            for (ModelTest test : attribution.test(models, ALPHA)) {
                assertThat(test.adjustedPValue()).isEqualTo(Math.min(1, 3 * test.result().pValue()));
                assertThat(test.rejected()).isEqualTo(test.adjustedPValue() <= ALPHA)
                        .isEqualTo(test.result().pValue() <= ALPHA / 3);
            }
        }
    }

    @Test
    void shouldNameTheModelUnderWhichTheTextIsMostProbable() {
        Map<String, TokenSeries> models = new LinkedHashMap<>();
        models.put("a", Fixtures.constant(100, 0.5, 1.0));   // surprisal 3.5 per token: ln p = -350
        models.put("b", Fixtures.constant(80, 0.0, 1.0));    // another tokenizer, 80 tokens of 3: -240
        models.put("c", Fixtures.constant(60, 1.5, 1.0));    // 60 of 4.5: -270

        List<ModelTest> tests = attribution.test(models, ALPHA);

        assertThat(tests).extracting(ModelTest::logLikelihood).containsExactly(-350.0, -240.0, -270.0);
        assertThat(ModelAttribution.mostLikely(tests)).isEqualTo("b");
        assertThatThrownBy(() -> ModelAttribution.mostLikely(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseNoModelsAndLevelsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> attribution.test(Map.of(), ALPHA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAttribution.levelPerModel(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAttribution.levelPerModel(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelAttribution.levelPerModel(ALPHA, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A constant series whose two-sided Freedman-Bennett p-value is close to {@code target} (bisection on the shift). */
    private TokenSeries seriesWithPValue(double target) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (freedman.test(Fixtures.constant(100, mid, 1.0), ALPHA, Alternative.TWO_SIDED).pValue() > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Fixtures.constant(100, high, 1.0);
    }
}
