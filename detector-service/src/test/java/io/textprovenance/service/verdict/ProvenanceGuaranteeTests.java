package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, item 2: the provenance block names its null hypothesis in words, says which type-I guarantee holds
 * (the fixed-length test's needs a length fixed in advance), and gives the anytime-valid p-value that holds however
 * the length was chosen: the same number as the explained trace's.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../models/tiny",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
@AutoConfigureMockMvc
class ProvenanceGuaranteeTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldNameTheNullHypothesisAndTheGuaranteeThatHolds() throws Exception {
        JsonNode verdict = verdict(VerdictExplanationTests.PARAGRAPH.repeat(2), true);
        JsonNode provenance = verdict.path("provenance");

        assertThat(provenance.path("nullHypothesis").asString())
                .contains("sample of the model that answered", "temperature 1", "no prompt before the text");
        assertThat(provenance.path("guarantee").asString())
                .contains("fixed before it was generated", "end-of-text token", "only anytimePValue",
                        "docs/statistics.md");
        double anytime = provenance.path("anytimePValue").asDouble();
        assertThat(anytime).isBetween(0.0, 1.0)
                .isEqualTo(verdict.path("trace").path("pValue").asDouble());
    }

    private JsonNode verdict(String text, boolean explain) throws Exception {
        String body = mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON)
                        .content(JsonMapper.shared().writeValueAsString(java.util.Map.of("text", text,
                                "explain", explain))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.shared().readTree(body);
    }
}
