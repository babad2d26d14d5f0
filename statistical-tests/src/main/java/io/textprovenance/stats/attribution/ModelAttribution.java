package io.textprovenance.stats.attribution;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attribution of one text among K candidate models: for each candidate M, the provenance test of H0_M "the text
 * was sampled from M at temperature 1", on the text's metrics under M (each model scores the text with its own
 * tokenizer), at level alpha / K (Bonferroni). The text is attributed to the candidates not rejected.
 *
 * <p>Guarantee: if the text was sampled from candidate M (H0_M true), the probability that M is rejected is at most
 * alpha / K; whichever hypotheses are true, the probability of rejecting any true one is at most alpha (the union
 * bound; this holds even when two candidates define the same distribution, as a model and a re-export of it do).
 * So the set of candidates not rejected contains the true source, when it is among them, with probability at least
 * 1 - alpha. That a text from another model rejects M is power, not a guarantee: it depends on how far the two
 * models are apart and on the text's length.
 *
 * <p>When the candidates define pairwise different distributions over texts, at most one H0_M is true, and the
 * closed testing procedure would test each at alpha itself (every intersection of two of them is empty); the
 * Bonferroni level does not rely on that and costs some power (docs/statistics.md, "Attribution among hosted
 * models").
 */
public final class ModelAttribution {

    /** The multiple-testing correction across candidates. */
    public static final String CORRECTION = "bonferroni";

    private final ProvenanceTest test;
    private final Alternative alternative;

    /**
     * @param test        the provenance test each candidate is tested with
     * @param alternative its alternative
     */
    public ModelAttribution(ProvenanceTest test, Alternative alternative) {
        this.test = test;
        this.alternative = alternative;
    }

    /** The level each of {@code models} candidates is tested at for a family level alpha: alpha / models. */
    public static double levelPerModel(double familyAlpha, int models) {
        ProvenanceTest.requireLevel(familyAlpha);
        if (models < 1) {
            throw new IllegalArgumentException("need at least one model, got " + models);
        }
        return familyAlpha / models;
    }

    /**
     * Tests every candidate.
     *
     * @param seriesByModel the text's metrics under each candidate, by name, in the order to report them
     * @param familyAlpha   the level of the whole attribution, in (0, 1)
     * @return one test per candidate, in the map's order
     */
    public List<ModelTest> test(Map<String, TokenSeries> seriesByModel, double familyAlpha) {
        int models = seriesByModel.size();
        double level = levelPerModel(familyAlpha, models);
        List<ModelTest> tests = new ArrayList<>(models);
        seriesByModel.forEach((model, series) -> {
            TestResult result = test.test(series, level, alternative);
            tests.add(new ModelTest(model, result, models, familyAlpha, Math.min(1.0, models * result.pValue()),
                    logLikelihood(series)));
        });
        return List.copyOf(tests);
    }

    /** The text's log-probability under the model that scored it: -sum_i s_i (unclipped surprisals), in nats. */
    public static double logLikelihood(TokenSeries series) {
        double sum = 0;
        for (TokenObservation token : series.tokens()) {
            sum -= token.surprisal();
        }
        return sum;
    }

    /**
     * The candidate under which the text is most probable (maximum likelihood). Not a test: it always names one model,
     * carries no false-positive guarantee, and a text of a model that is not among the candidates is still given
     * one; it complements the tests, whose statistic (surprisal minus entropy) cannot tell a text from a model whose
     * own entropy happens to match the text's surprisal under it (docs/statistics.md).
     */
    public static String mostLikely(List<ModelTest> tests) {
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no candidate");
        }
        ModelTest best = tests.get(0);
        for (ModelTest test : tests) {
            if (test.logLikelihood() > best.logLikelihood()) {
                best = test;
            }
        }
        return best.model();
    }

    /** The candidates not rejected: the models the text is attributed to (possibly none, possibly several). */
    public static List<String> attributedTo(List<ModelTest> tests) {
        return tests.stream().filter(t -> !t.rejected()).map(ModelTest::model).toList();
    }
}
