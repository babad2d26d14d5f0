package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, item 4: with a second model hosted for attribution (detector.scoring.attribution-models), every verdict
 * tests H0 "sampled from M" for each hosted model at alpha / K (Bonferroni); a request can name the models to test,
 * and an unknown name is a 400 problem before any scoring.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../models/tiny",
        "detector.scoring.attribution-models=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
@AutoConfigureMockMvc
class AttributionApiTests {

    static final String SERVED = "detector-default-gpt";
    static final String OTHER = "tiny-test-gpt";
    static final String TEXT = VerdictExplanationTests.PARAGRAPH.replace("\\n", "\n").repeat(2);

    /** Sampled from models/tiny at temperature 1 (training/sample_texts.py --seed 31, exact-31-00007). */
    static final String TINY_SAMPLE = AttributionSamples.TINY;
    /** Sampled from SmolLM2-135M-Instruct at temperature 1 (training/sample_texts.py --seed 7, sample-7-00001). */
    static final String SMOLLM2_SAMPLE = AttributionSamples.SMOLLM2;

    @Autowired
    MockMvc mvc;

    @Test
    void shouldTestEveryHostedModelAtAlphaOverKByDefault() throws Exception {
        JsonNode verdict = verdict(Map.of("text", TEXT));
        JsonNode attribution = verdict.path("attribution");

        assertThat(attribution.path("correction").asString()).isEqualTo("bonferroni");
        assertThat(attribution.path("modelsTested").asInt()).isEqualTo(2);
        assertThat(attribution.path("alpha").asDouble()).isEqualTo(0.05);
        assertThat(attribution.path("guarantee").asString()).contains("alpha / K", "at least 1 - alpha");
        JsonNode models = attribution.path("models");
        assertThat(names(models)).containsExactly(SERVED, OTHER);
        List<String> notRejected = new ArrayList<>();
        for (JsonNode model : models) {
            double p = model.path("pValue").asDouble();
            assertThat(model.path("alpha").asDouble()).isEqualTo(0.025);
            assertThat(model.path("adjustedPValue").asDouble()).isCloseTo(Math.min(1, 2 * p), within(1e-12));
            assertThat(model.path("rejected").asBoolean()).isEqualTo(p <= 0.025);
            assertThat(model.path("nullHypothesis").asString()).contains(model.path("model").asString(),
                    "temperature 1");
            assertThat(model.path("test").asString()).isEqualTo("freedman-bennett");
            if (!model.path("rejected").asBoolean()) {
                notRejected.add(model.path("model").asString());
            }
        }
        assertThat(names(attribution.path("attributedTo"))).isEqualTo(notRejected);
        double first = models.get(0).path("logLikelihood").asDouble();
        double second = models.get(1).path("logLikelihood").asDouble();
        assertThat(first).isNegative();
        assertThat(attribution.path("mostLikely").asString()).isEqualTo(first >= second ? SERVED : OTHER);
        assertThat(attribution.path("logLikelihoodMargin").asDouble()).isCloseTo(Math.abs(first - second),
                within(1e-9));

        // the answering model's entry is the provenance test on the same tokens, at the corrected level
        JsonNode served = models.get(0);
        JsonNode provenance = verdict.path("provenance");
        assertThat(served.path("tokens").asInt()).isEqualTo(verdict.path("tokens").path("scored").asInt());
        assertThat(served.path("statistic").asDouble()).isEqualTo(provenance.path("statistic").asDouble());
        assertThat(served.path("pValue").asDouble()).isEqualTo(provenance.path("pValue").asDouble());
        assertThat(served.path("threshold").asDouble()).isGreaterThan(provenance.path("threshold").asDouble());
        // the other model scores the text with its own tokenizer, in windows of its 32-token context
        assertThat(models.get(1).path("tokens").asInt()).isPositive();
        assertThat(models.get(1).path("sha256").asString()).isNotEqualTo(served.path("sha256").asString());
    }

    @Test
    void shouldTestOnlyTheModelsARequestNamesCorrectingForThoseAlone() throws Exception {
        JsonNode one = verdict(Map.of("text", TEXT, "models", List.of(OTHER))).path("attribution");
        assertThat(one.path("modelsTested").asInt()).isEqualTo(1);
        assertThat(one.path("mostLikely").asString()).isEqualTo(OTHER);
        assertThat(one.path("logLikelihoodMargin").isNull()).isTrue();
        assertThat(names(one.path("models"))).containsExactly(OTHER);
        assertThat(one.path("models").get(0).path("alpha").asDouble()).isEqualTo(0.05);

        // in the request's order, a repeated name counted once
        JsonNode two = verdict(Map.of("text", TEXT, "models", List.of(OTHER, SERVED, OTHER))).path("attribution");
        assertThat(names(two.path("models"))).containsExactly(OTHER, SERVED);
        assertThat(two.path("modelsTested").asInt()).isEqualTo(2);
    }

    @Test
    void shouldAttributeASampleOfTheServedModelToItAndRejectItForAnotherModelsSample() throws Exception {
        JsonNode own = verdict(Map.of("text", TINY_SAMPLE, "models", List.of(SERVED))).path("attribution");
        assertThat(names(own.path("attributedTo"))).containsExactly(SERVED);
        // the test graph's near-random predictions make the small model's sample far less probable
        JsonNode both = verdict(Map.of("text", TINY_SAMPLE)).path("attribution");
        assertThat(both.path("mostLikely").asString()).isEqualTo(SERVED);
        assertThat(both.path("logLikelihoodMargin").asDouble()).isGreaterThan(50);

        JsonNode other = verdict(Map.of("text", SMOLLM2_SAMPLE, "models", List.of(SERVED))).path("attribution");
        assertThat(names(other.path("attributedTo"))).isEmpty();
        assertThat(other.path("models").get(0).path("pValue").asDouble()).isLessThan(1e-3);
    }

    @Test
    void shouldRefuseAnUnknownModelBeforeScoring() throws Exception {
        MockHttpServletResponse response = post(Map.of("text", TEXT, "models", List.of(SERVED, "gpt-5")));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(JsonMapper.shared().readTree(response.getContentAsString()).path("detail").asString())
                .contains("unknown model 'gpt-5'", SERVED, OTHER);

        MockHttpServletResponse batch = raw("/v1/verdicts/batch", JsonMapper.shared().writeValueAsString(Map.of(
                "documents", List.of(Map.of("text", TEXT), Map.of("text", TEXT, "models", List.of("nope"))))));
        assertThat(batch.getStatus()).isEqualTo(400);
        assertThat(batch.getContentAsString()).contains("unknown model 'nope'");
    }

    @Test
    void shouldRefuseModelsThatAreNotANonEmptyArrayOfStrings() throws Exception {
        for (String models : List.of("\"" + SERVED + "\"", "[]", "[42]", "[null]", "null", "{}")) {
            MockHttpServletResponse response = raw("/v1/verdicts", "{\"text\": \"some text\", \"models\": " + models
                    + "}");
            assertThat(response.getStatus()).as(models).isEqualTo(400);
            assertThat(response.getContentAsString()).as(models).contains("models");
        }
    }

    @Test
    void shouldAttributeEachDocumentOfABatch() throws Exception {
        MockHttpServletResponse response = raw("/v1/verdicts/batch", JsonMapper.shared().writeValueAsString(Map.of(
                "documents", List.of(Map.of("text", TEXT), Map.of("text", TEXT, "models", List.of(OTHER))))));
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode verdicts = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(verdicts.get(0).path("attribution").path("modelsTested").asInt()).isEqualTo(2);
        assertThat(names(verdicts.get(1).path("attribution").path("models"))).containsExactly(OTHER);
    }

    @Test
    void shouldListEveryHostedModelTheAnsweringOneFirst() throws Exception {
        String body = mvc.perform(get("/v1/models")).andReturn().getResponse().getContentAsString();
        JsonNode models = JsonMapper.shared().readTree(body);
        assertThat(names(models)).containsExactly(SERVED, OTHER);
        assertThat(models.get(0).path("role").asString()).isEqualTo("verdict");
        assertThat(models.get(1).path("role").asString()).isEqualTo("attribution");
    }

    @Test
    void shouldDocumentTheAttributionInTheOpenApiDocument() throws Exception {
        JsonNode schemas = JsonMapper.shared().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString()).path("components").path("schemas");
        // an object or null: anyOf [$ref, null], as trace
        assertThat(schemas.path("Verdict").path("properties").path("attribution").path("anyOf").toString())
                .contains("Attribution", "\"null\"");
        List<String> undescribed = new ArrayList<>();
        for (String name : List.of("Attribution", "ModelProvenance")) {
            assertThat(schemas.path(name).path("properties").size()).as(name).isPositive();
            schemas.path(name).path("properties").properties().forEach(property -> {
                if (property.getValue().path("description").asString("").isBlank()) {
                    undescribed.add(name + "." + property.getKey());
                }
            });
        }
        assertThat(undescribed).isEmpty();
        assertThat(schemas.path("VerdictRequest").path("properties").path("models").path("description").asString())
                .contains("GET /v1/models", "Bonferroni");
        // the enum is the running configuration's hosted models, filled into the committed document at startup
        assertThat(schemas.path("VerdictRequest").path("properties").path("models").path("items").path("enum")
                .valueStream().map(JsonNode::asString)).containsExactly(SERVED, OTHER);
        assertThat(schemas.path("ModelDescription").path("properties").path("role").path("description").asString())
                .isNotBlank();
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.isString() ? node.asString() : node.path(node.has("model") ? "model"
                : "name").asString()));
        return names;
    }

    private JsonNode verdict(Map<String, ?> request) throws Exception {
        MockHttpServletResponse response = post(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getContentAsString());
    }

    private MockHttpServletResponse post(Map<String, ?> request) throws Exception {
        return raw("/v1/verdicts", JsonMapper.shared().writeValueAsString(request));
    }

    private MockHttpServletResponse raw(String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }
}
