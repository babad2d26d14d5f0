package io.textprovenance.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What schemathesis found against the packaged service (reliability/run.sh --stages=fuzz), through a real Tomcat:
 * the container's error page published and answering 500, a multipart Content-Type without a boundary answered
 * 500, and {@code "id": null} accepted although the schema says string.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
class FuzzFindingsTests {

    static final String TEXT = "The council met on Tuesday to discuss the budget for the coming year and the roads.";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldNotPublishTheErrorPageInOpenApi() throws Exception {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/v1/verdicts\"").doesNotContain("\"/error\"");
    }

    @ParameterizedTest
    @CsvSource({"GET", "POST", "PUT", "DELETE", "PATCH"})
    void shouldAnswerADirectRequestForTheErrorPageWith404Problem(String method) throws Exception {
        HttpResponse<String> response = send(method, "/error", "application/json", "{}");

        assertProblem(response, 404);
    }

    @Test
    void shouldStillAnswerRealErrorsThroughTheErrorPage() throws Exception {
        // Tomcat refuses TRACE itself and dispatches to /error: the status is the container's, not 404
        HttpResponse<String> response = send("TRACE", "/v1/verdicts", null, null);

        assertProblem(response, 405);
    }

    @ParameterizedTest
    @CsvSource({"POST,/v1/verdicts", "POST,/v1/verdicts/batch"})
    void shouldAnswerAMultipartContentTypeWithoutBoundaryWith415(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, "multipart/form-data", "{\"text\": \"" + TEXT + "\"}");

        assertProblem(response, 415);
    }

    @Test
    void shouldNotFailAGetWithAMultipartContentTypeWithoutBoundary() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/models", "multipart/form-data", null);

        assertThat(response.statusCode()).isLessThan(500);
    }

    @Test
    void shouldRefuseANullIdLikeAnyWrongTypeButAcceptAnAbsentOne() throws Exception {
        assertProblem(send("POST", "/v1/verdicts", "application/json", "{\"id\": null, \"text\": \"" + TEXT + "\"}"),
                400, "field 'id'");
        assertProblem(send("POST", "/v1/verdicts/batch", "application/json",
                "{\"documents\": [{\"id\": null, \"text\": \"" + TEXT + "\"}]}"), 400, "field 'documents[0].id'");

        HttpResponse<String> absent = send("POST", "/v1/verdicts", "application/json", "{\"text\": \"" + TEXT + "\"}");
        assertThat(absent.statusCode()).isEqualTo(200);
        assertThat(absent.body()).containsPattern("\"id\":\"[0-9a-f-]{36}\"");
    }

    /**
     * ST202: a schema-valid batch of 37 documents was refused with 400 ("a batch holds at most 32 documents"): the
     * schema now carries the limit (maxItems = detector.verdict.max-batch), and the limit still holds.
     */
    @Test
    void shouldDocumentTheBatchLimitThatIsEnforced() throws Exception {
        JsonNode documents = new JsonMapper().readTree(send("GET", "/v3/api-docs", null, null).body())
                .at("/components/schemas/BatchRequest/properties/documents");
        assertThat(documents.at("/maxItems").isNumber()).as(documents.toString()).isTrue();
        assertThat(documents.at("/maxItems").intValue()).isEqualTo(32);

        String tooMany = "{\"documents\": [" + String.join(", ", java.util.Collections.nCopies(33, "{\"text\": \"a\"}"))
                + "]}";
        assertProblem(send("POST", "/v1/verdicts/batch", "application/json", tooMany), 400, "at most 32 documents");
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... details) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("java.", "tools.jackson");
        for (String detail : details) {
            assertThat(response.body()).contains(detail);
        }
    }
}
