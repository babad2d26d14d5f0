package io.textprovenance.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, item 5, against a real port with Kafka unreachable: readiness reflects what the pod can serve (the
 * scorer), so it stays UP and REST keeps answering while Kafka is down; the overall health shows Kafka DOWN, and
 * its details (cluster id, disk path, model) only to a caller with an API key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "spring.kafka.bootstrap-servers=localhost:9",   // nothing listens there
        "spring.kafka.admin.auto-create=false",
        "detector.kafka.enabled=true",
        "detector.security.enabled=true",
        "detector.security.api-keys=test-key"})
class HealthExposureTests {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void shouldStayReadyAndServeRestWhileKafkaIsDown() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> health = get("/actuator/health", "test-key");
        assertThat(health.statusCode()).isEqualTo(503);   // the whole health says Kafka is down
        assertThat(health.body()).contains("\"kafka\"", "\"consumer\"", "\"scorer\"");

        assertThat(get("/v1/models", "test-key").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowHealthDetailsOnlyToACallerWithAKey() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components", "clusterId", "sha256",
                "diskSpace", "path");
        assertThat(get("/actuator/health", "wrong-key").body()).doesNotContain("components");
        assertThat(get("/actuator/health", "test-key").body()).contains("components", "\"scorer\"", "sha256",
                "\"textNormalization\"");
        assertThat(get("/actuator/health/readiness", null).body()).doesNotContain("components");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
