package io.textprovenance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: the console at / is served from the jar's static files to anyone, while /v1 still needs a key; the
 * page loads nothing from elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=true",
        "detector.security.api-keys=test-key"})
class ConsoleTests {

    private static final Path STATIC = Path.of("src/main/resources/static");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeTheConsoleAtTheRootWithoutAKey() throws Exception {
        for (String path : List.of("/", "/index.html")) {
            HttpResponse<String> page = get(path, null);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<title>Text provenance detector</title>", "console/console.js",
                    "id=\"heatmap\"", "Content-Security-Policy");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/console/console.js, javascript",
            "/console/heatmap.js, javascript",
            "/console/samples.js, javascript",
            "/console/console.css, text/css"})
    void shouldServeTheAssetsWithoutAKey(String path, String type) throws Exception {
        HttpResponse<String> asset = get(path, null);

        assertThat(asset.statusCode()).as(path).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(value ->
                assertThat(value).contains(type));
        assertThat(asset.body()).isNotBlank();
    }

    @Test
    void shouldStillRequireTheKeyOnTheApi() throws Exception {
        assertThat(get("/v1/models", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/models", "test-key").statusCode()).isEqualTo(200);
        assertThat(get("/console/../v1/models", null).statusCode()).as("no detour through the console's path")
                .isIn(400, 401);
    }

    @Test
    void shouldLoadNothingFromAnotherOrigin() throws IOException {
        // src/href attributes, CSS url(), fetch() and imports: every one relative to this service
        Pattern external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//|url\\(\\s*[\"']?\\s*(https?:)?//"
                + "|fetch\\(\\s*[\"'](https?:)?//|import\\s+[^;]*[\"'](https?:)?//");
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(external.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
