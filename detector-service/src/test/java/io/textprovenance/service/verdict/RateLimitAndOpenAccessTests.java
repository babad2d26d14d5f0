package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Security off (as in the local profile) and a REST rate limit of 2 requests per second. */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false",
        "detector.resilience.rest-requests-per-second=2"})
@AutoConfigureMockMvc
class RateLimitAndOpenAccessTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldServeWithoutAKeyAndAnswer429BeyondTheRateLimit() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        List<String> retryAfter = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var response = mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"text\": \"A short note about rain.\"}")).andReturn().getResponse();
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                retryAfter.add(response.getHeader("Retry-After"));
                assertThat(response.getContentType()).startsWith("application/problem+json");
            }
        }
        assertThat(statuses).contains(200, 429).containsOnly(200, 429);
        assertThat(retryAfter).containsOnly("1");
    }
}
