package io.textprovenance.evaluation.typeone;

import io.textprovenance.stats.attribution.ModelTest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One text's attribution.
 *
 * @param sourceTokens the sampled ids' count (the source model's tokens)
 * @param tokens       tokens of the text under each model's tokenizer
 * @param results      per test, each model's test at alpha / K (empty when a model found no token to score)
 * @param idsPValues   per test, the source model's p-value on the sampled ids (H0 exact); empty if not scored
 */
record Outcome(String id, String source, int sourceTokens, Map<String, Integer> tokens,
               Map<String, List<ModelTest>> results, Map<String, Double> idsPValues, int models) {

    boolean tested(String test) {
        return !results.get(test).isEmpty();
    }

    ModelTest of(String test, String model) {
        return results.get(test).stream().filter(t -> t.model().equals(model)).findFirst().orElseThrow();
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("id", id).put("source", source)
                .put("source_tokens", sourceTokens);
        ObjectNode tokenNode = node.putObject("tokens");
        tokens.forEach(tokenNode::put);
        ObjectNode tested = node.putObject("tests");
        results.forEach((test, modelTests) -> {
            ObjectNode testNode = tested.putObject(test);
            for (ModelTest t : modelTests) {
                testNode.putObject(t.model()).put("statistic", t.result().statistic())
                        .put("threshold", t.result().threshold()).put("alpha", t.alpha())
                        .put("p_value", t.result().pValue()).put("adjusted_p_value", t.adjustedPValue())
                        .put("rejected", t.rejected()).put("log_likelihood", t.logLikelihood());
            }
            if (idsPValues.containsKey(test)) {
                testNode.put("source_ids_p_value", idsPValues.get(test));
            }
        });
        return node;
    }
}
