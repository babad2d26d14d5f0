package io.textprovenance.service.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.textprovenance.scoring.ScorerOverloadedException;
import io.textprovenance.service.verdict.DocumentRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bad input is what validation calls bad ({@link DocumentRejectedException}: 400 or 413); an
 * {@link IllegalArgumentException} is any bug's exception, answered 500 without its message (issue 14).
 */
class ProblemAdviceTests {

    @RestController
    static class Throwing {

        @GetMapping("/invalid")
        String invalid() {
            throw DocumentRejectedException.invalid("text is empty");
        }

        @GetMapping("/too-large")
        String tooLarge() {
            throw DocumentRejectedException.tooLarge("document is 3000 bytes; the limit is 2048 bytes");
        }

        @GetMapping("/bulkhead-full")
        String bulkheadFull() {
            throw BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("rest"));
        }

        @GetMapping("/queue-full")
        String queueFull() {
            throw new ScorerOverloadedException("scorer queue full");
        }

        @GetMapping("/rate-limited")
        String rateLimited() {
            throw RequestNotPermitted.createRequestNotPermitted(RateLimiter.ofDefaults("rest"));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalArgumentException("index 7 out of bounds in io.textprovenance.Internal");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing()).setControllerAdvice(new ProblemAdvice())
            .build();

    @Test
    void shouldAnswer400ForAnInvalidDocumentWithItsReason() throws Exception {
        mvc.perform(get("/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("invalid-document")))
                .andExpect(jsonPath("$.detail").value("text is empty"));
    }

    /** At capacity a slot frees within a second: a client told 30 s would idle the scorer (docs/reliability.md). */
    @Test
    void shouldAskForARetryInASecondWhenTheScorerIsAtCapacityOrTheRateIsReached() throws Exception {
        for (String path : new String[] {"/bulkhead-full", "/queue-full"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.detail").value("the scorer is at capacity; retry in a second"));
        }
        mvc.perform(get("/rate-limited"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void shouldAnswer413ForADocumentOverALimit() throws Exception {
        mvc.perform(get("/too-large"))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.type").value(containsString("document-too-large")))
                .andExpect(jsonPath("$.detail").value(containsString("the limit is 2048 bytes")));
    }

    @Test
    void shouldAnswer500WithoutInternalsForAnIllegalArgumentFromABug() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("internal-error")))
                .andExpect(content().string(not(containsString("out of bounds"))))
                .andExpect(content().string(not(containsString("io.textprovenance"))))
                .andExpect(content().string(not(containsString("IllegalArgument"))));
    }
}
