package io.textprovenance.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API keys against the raw paths of issue 12, on a real Tomcat port: a path Spring MVC would route to /v1/**
 * must never pass without a key, and paths with ";", encoded characters or dot segments are refused as 400
 * problem+json before any other filter (HttpClient sends the URI exactly as written, like curl --path-as-is).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=true",
        "detector.security.api-keys=test-key"})
class PathBypassTests {

    private static final String BODY = "{\"text\": \"hello world\"}";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void shouldRefuseAMatrixParameterThatHidesTheV1PrefixWithoutAKey() throws Exception {
        HttpResponse<String> response = send("POST", "/v1;x=y/verdicts", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "path");
    }

    @Test
    void shouldRefuseAPercentEncodedV1PrefixWithoutAKey() throws Exception {
        HttpResponse<String> response = send("GET", "/%761/models", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1%2Fmodels", "/v1%2fmodels", "/v1/%2e%2e/v1/models", "/x/../v1/models", "/v1//models",
            "/v1/./models", "/v1/models;jsessionid=1", "/v1%5Cmodels", "/v1/%252e/models", "/v1/models%00"})
    void shouldRefuseEncodedSlashesSemicolonsAndDotSegmentsWithAProblem(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertProblem(response, "path");
    }

    @Test
    void shouldStillRequireAKeyOnThePlainPathAndAcceptAKnownOne() throws Exception {
        HttpResponse<String> anonymous = send("POST", "/v1/verdicts", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous, "API key");

        assertThat(send("GET", "/v1/models", "test-key").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String rawPath, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Content-Type", "application/json")
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString(BODY)
                        : HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json").containsIgnoringCase("charset=UTF-8"));
        assertThat(response.body()).contains("\"status\":" + response.statusCode()).contains(detail)
                .doesNotContain("Exception", "<html");
    }
}
