package io.textprovenance.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors Tomcat answers itself, before Spring MVC, are problem+json too (issue 12, item 6: TRACE's 405). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=true",
        "detector.security.api-keys=test-key"})
class TomcatErrorTests {

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerTraceWith405ProblemAndAllow() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/verdicts")).header("X-API-Key", "test-key")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json").doesNotContainIgnoringCase("ISO-8859"));
        assertThat(response.body()).contains("\"status\":405").doesNotContain("<html", "TRACE /v1");
    }
}
