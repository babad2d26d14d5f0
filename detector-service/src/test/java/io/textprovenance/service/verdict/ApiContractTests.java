package io.textprovenance.service.verdict;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 12, item 6 (schemathesis' findings): strict JSON types, bounded ids, null batch entries, 405 with Allow,
 * 406 with a body, responses that match the OpenAPI document, error statuses documented, and degenerate text
 * answered "uncertain".
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
@AutoConfigureMockMvc
class ApiContractTests {

    static final String TEXT = "The council met on Tuesday to discuss the budget for the coming year and the roads.";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldAnswer400ForANullBatchEntry() throws Exception {
        problem(json(post("/v1/verdicts/batch"), "{\"documents\": [null]}"), 400, "documents[0]");
        problem(json(post("/v1/verdicts/batch"), "{\"documents\": [{\"text\": \"" + TEXT + "\"}, null]}"), 400,
                "documents[1]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"text\": 42}|text",
            "{\"text\": true}|text",
            "{\"text\": [\"a\"]}|text",
            "{\"text\": \"hi there\", \"explain\": null}|explain",
            "{\"text\": \"hi there\", \"explain\": \"yes\"}|explain",
            "{\"text\": \"hi there\", \"explain\": \"true\"}|explain",
            "{\"text\": \"hi there\", \"explain\": 1}|explain",
            "{\"text\": \"hi there\", \"id\": 7}|id"})
    void shouldRefuseWrongJsonTypesWithoutCoercion(String body, String field) throws Exception {
        problem(json(post("/v1/verdicts"), body), 400, "field '" + field + "'");
        problem(json(post("/v1/verdicts/batch"), "{\"documents\": [" + body + "]}"), 400,
                "field 'documents[0]." + field + "'");
    }

    @Test
    void shouldBoundTheIdLength() throws Exception {
        problem(json(post("/v1/verdicts"), "{\"id\": \"" + "x".repeat(257) + "\", \"text\": \"" + TEXT + "\"}"), 400,
                "id: must be at most 256 characters");
        mvc.perform(json(post("/v1/verdicts"), "{\"id\": \"" + "x".repeat(256) + "\", \"text\": \"" + TEXT + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void shouldAnswer405WithAllowAndAProblem() throws Exception {
        mvc.perform(put("/v1/verdicts").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("POST")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void shouldAnswer406WithAProblemBody() throws Exception {
        mvc.perform(get("/v1/models").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(406))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'     \\n\\t   \\n   '",
            "'\\ud83d\\ude00\\ud83c\\udf89\\ud83d\\ude80\\ud83d\\ude00\\ud83c\\udf89\\ud83d\\ude80\\ud83d\\ude00'",
            "'!!! ... ??? --- *** ((( ))) !!! ... ??? --- ***'"})
    void shouldCallTextWithoutLettersOrDigitsUncertain(String text) throws Exception {
        mvc.perform(json(post("/v1/verdicts"), "{\"text\": \"" + text + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("uncertain"))
                .andExpect(jsonPath("$.policy").value("no-content"))
                .andExpect(jsonPath("$.reason").value(containsString("no letter or digit")));
    }

    @Test
    void shouldDocumentNullableFieldsAndEveryErrorStatusInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.Verdict.properties.evidence.type", hasItem("null")))
                .andExpect(jsonPath("$.components.schemas.Verdict.properties.machineProbability.type", hasItem("null")))
                .andExpect(jsonPath("$.components.schemas.Tokens.properties.referenceTokens.type", hasItem("null")))
                .andExpect(jsonPath("$.components.schemas.VerdictRequest.properties.id.maxLength").value(256))
                .andExpect(jsonPath("$.paths['/v1/verdicts'].post.responses['400'].content['application/problem+json']")
                        .exists())
                .andExpect(jsonPath("$.paths['/v1/verdicts'].post.responses['405'].headers.Allow").exists())
                .andExpect(jsonPath("$.paths['/v1/verdicts'].post.responses['413']").exists())
                .andExpect(jsonPath("$.paths['/v1/verdicts'].post.responses['415']").exists())
                .andExpect(jsonPath("$.paths['/v1/verdicts'].post.responses['429'].headers['Retry-After']").exists())
                .andExpect(jsonPath("$.paths['/v1/verdicts'].post.responses['503']").exists())
                .andExpect(jsonPath("$.paths['/v1/verdicts/batch'].post.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/v1/models'].get.responses['406']").exists())
                .andExpect(jsonPath("$.paths['/v1/models'].get.responses['415']").doesNotExist());
        // what the schema allows is what a verdict without explain carries
        mvc.perform(json(post("/v1/verdicts"), "{\"text\": \"" + TEXT + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence").value(org.hamcrest.Matchers.nullValue()));
    }

    private void problem(MockHttpServletRequestBuilder request, int status, String detail) throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(containsString(detail)))
                .andExpect(content().string(not(containsString("tools.jackson"))))
                .andExpect(content().string(not(containsString("java.lang"))));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
