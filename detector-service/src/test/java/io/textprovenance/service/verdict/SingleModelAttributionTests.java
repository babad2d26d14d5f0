package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
 * With one hosted model (the default configuration) nothing changes unless a request asks: no attribution block; a
 * request naming the model gets an attribution of one (K = 1, no correction), equal to the provenance test.
 * (The same properties as ProvenanceGuaranteeTests, so the two share one application context.)
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../models/tiny",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
@AutoConfigureMockMvc
class SingleModelAttributionTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldGiveNoAttributionWithOneHostedModelUnlessARequestNamesIt() throws Exception {
        JsonNode plain = verdict(Map.of("text", AttributionApiTests.TEXT));
        assertThat(plain.has("attribution")).isTrue();
        assertThat(plain.path("attribution").isNull()).isTrue();

        JsonNode verdict = verdict(Map.of("text", AttributionApiTests.TEXT, "models",
                List.of(AttributionApiTests.SERVED)));
        JsonNode attribution = verdict.path("attribution");
        JsonNode provenance = verdict.path("provenance");
        assertThat(attribution.path("modelsTested").asInt()).isEqualTo(1);
        JsonNode only = attribution.path("models").get(0);
        assertThat(only.path("alpha").asDouble()).isEqualTo(provenance.path("alpha").asDouble());
        assertThat(only.path("threshold").asDouble()).isEqualTo(provenance.path("threshold").asDouble());
        assertThat(only.path("pValue").asDouble()).isEqualTo(provenance.path("pValue").asDouble())
                .isEqualTo(only.path("adjustedPValue").asDouble());
        assertThat(only.path("rejected").asBoolean()).isEqualTo(provenance.path("rejected").asBoolean());
    }

    @Test
    void shouldRefuseAModelThatIsNotHostedAndListTheOneThatIs() throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/v1/verdicts")
                .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.shared().writeValueAsString(Map.of(
                        "text", AttributionApiTests.TEXT, "models", List.of(AttributionApiTests.OTHER)))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("unknown model 'tiny-test-gpt'",
                AttributionApiTests.SERVED);

        JsonNode models = JsonMapper.shared().readTree(mvc.perform(get("/v1/models")).andReturn().getResponse()
                .getContentAsString());
        assertThat(models.size()).isEqualTo(1);
        assertThat(models.get(0).path("role").asString()).isEqualTo("verdict");
    }

    private JsonNode verdict(Map<String, ?> request) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/v1/verdicts")
                .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.shared().writeValueAsString(request)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getContentAsString());
    }
}
