package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** REST end to end on the tiny test model, with API keys on: every status the API promises. */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=true",
        "detector.security.api-keys=test-key,other-key",
        "detector.verdict.max-document-size=2KB",
        "detector.verdict.max-batch=3",
        "detector.verdict.min-tokens=4",
        "detector.verdict.max-tokens=200"})
@AutoConfigureMockMvc
class VerdictApiTests {

    static final String TEXT = "The council met on Tuesday to discuss the budget for the coming year and the roads.";

    @Autowired
    MockMvc mvc;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Test
    void shouldJudgeOneDocument() throws Exception {
        mvc.perform(json(post("/v1/verdicts"), "{\"id\": \"doc-1\", \"text\": \"" + TEXT + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("doc-1"))
                // the test model has no PAWN head and no calibration.json: no reference scores, so "uncertain"
                .andExpect(jsonPath("$.label").value("uncertain"))
                .andExpect(jsonPath("$.policy").value("zero-shot"))
                .andExpect(jsonPath("$.reason").value(containsString("no calibration.json")))
                .andExpect(jsonPath("$.zeroShot", hasSize(4)))
                .andExpect(jsonPath("$.provenance.test").value("freedman-bennett"))
                .andExpect(jsonPath("$.tokens.scored").value(org.hamcrest.Matchers.greaterThan(10)))
                .andExpect(jsonPath("$.tokens.windowed").value(false))
                .andExpect(jsonPath("$.model.name").value("tiny-test-gpt"))
                .andExpect(jsonPath("$.evidence").doesNotExist());
    }

    @Test
    void shouldExplainTokenByToken() throws Exception {
        mvc.perform(json(post("/v1/verdicts"), "{\"text\": \"" + TEXT + "\", \"explain\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.evidence[0].text").value("The"))
                .andExpect(jsonPath("$.evidence[0].start").value(0))
                .andExpect(jsonPath("$.evidence[0].logProb").isNumber());
    }

    @Test
    void shouldCallAShortTextUncertain() throws Exception {
        mvc.perform(json(post("/v1/verdicts"), "{\"text\": \"Hi.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("uncertain"))
                .andExpect(jsonPath("$.policy").value("too-short"));
    }

    @Test
    void shouldJudgeABatchAndRefuseAnOversizedOne() throws Exception {
        mvc.perform(json(post("/v1/verdicts/batch"), "{\"documents\": [{\"id\": \"a\", \"text\": \"" + TEXT
                        + "\"}, {\"id\": \"b\", \"text\": \"Another text about the weather and the sea.\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value("a"))
                .andExpect(jsonPath("$[1].id").value("b"));
        mvc.perform(json(post("/v1/verdicts/batch"), "{\"documents\": [" + "{\"text\": \"x y z\"},".repeat(3)
                        + "{\"text\": \"x\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("at most 3")));
    }

    @Test
    void shouldAnswer400ForEmptyMissingMistypedOrMalformedInput() throws Exception {
        expectProblem(json(post("/v1/verdicts"), "{\"text\": \"\"}"), 400, "text is empty");
        expectProblem(json(post("/v1/verdicts"), "{\"id\": \"x\"}"), 400, "text is required");
        expectProblem(json(post("/v1/verdicts"), "{\"text\": 42, \"explain\": \"maybe\"}"), 400, "not valid JSON");
        expectProblem(json(post("/v1/verdicts"), "{\"text\": "), 400, "not valid JSON");
        expectProblem(json(post("/v1/verdicts"), "{\"text\": \"bad \\ud800 surrogate\"}"), 400, "surrogate");
    }

    @Test
    void shouldAnswer413OverTheSizeLimit() throws Exception {
        expectProblem(json(post("/v1/verdicts"), "{\"text\": \"" + "word ".repeat(600) + "\"}"), 413, "limit is 2048 bytes");
    }

    @Autowired
    io.textprovenance.scoring.Scorer scorer;

    @Test
    void shouldAnswer413OverTheTokenBudgetBeforeScoring() throws Exception {
        String text = "word ".repeat(390);   // under the 2 KB limit
        assertThat(scorer.tokenize(text).size()).isGreaterThan(200);
        long batchesBefore = scorer.info().batches();
        expectProblem(json(post("/v1/verdicts"), "{\"text\": \"" + text + "\"}"), 413, "limit is 200 tokens per request");
        expectProblem(json(post("/v1/verdicts"), "{\"text\": \"" + text + "\"}"), 413, "detector.verdict.max-tokens");
        // a batch counts as one request: each document fits, together they do not
        String part = "word ";
        while (scorer.tokenize(part).size() <= 100) {
            part += "word ";
        }
        assertThat(scorer.tokenize(part).size()).isLessThan(200);
        expectProblem(json(post("/v1/verdicts/batch"), "{\"documents\": [{\"text\": \"" + part + "\"}, {\"text\": \""
                + part + "\"}]}"), 413, "batch is");
        assertThat(scorer.info().batches()).as("nothing scored").isEqualTo(batchesBefore);
    }

    @Test
    void shouldAnswer415ForAnotherMediaType() throws Exception {
        mvc.perform(post("/v1/verdicts").header("X-API-Key", "test-key").contentType(MediaType.TEXT_PLAIN).content(TEXT))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldAnswer401WithoutAKnownKey() throws Exception {
        mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/v1/verdicts").header("X-API-Key", "wrong").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"x\"}")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v1/models").header("X-API-Key", "other-key")).andExpect(status().isOk());
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheCircuitIsOpen() throws Exception {
        circuitBreakers.circuitBreaker("scorer").transitionToForcedOpenState();
        try {
            mvc.perform(json(post("/v1/verdicts"), "{\"text\": \"" + TEXT + "\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(jsonPath("$.detail").value(containsString("circuit breaker is open")))
                    .andExpect(content().string(not(containsString("Exception"))));
        } finally {
            circuitBreakers.circuitBreaker("scorer").transitionToClosedState();
        }
    }

    @Test
    void shouldDescribeTheModelAndExposeOnlyHealthAndPrometheus() throws Exception {
        mvc.perform(get("/v1/models").header("X-API-Key", "test-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("tiny-test-gpt"))
                .andExpect(jsonPath("$[0].contextLength").value(32));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(json(post("/v1/verdicts"), "{\"text\": \"" + TEXT + "\"}")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("detector_verdicts_total")))
                .andExpect(content().string(containsString("resilience4j_circuitbreaker_state")));
        mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/v1/verdicts")));
    }

    private void expectProblem(MockHttpServletRequestBuilder request, int status, String detail) throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(containsString(detail)))
                .andExpect(content().string(not(containsString("at io."))));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header("X-API-Key", "test-key").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
