package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.textprovenance.service.scoring.HostedModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, item 3: the OpenAPI document is worth reading: the service's title, description and version, tags, a
 * relative server, every field described, a typed /v1/models, and every error answer as problem+json with an
 * example. The document served is the committed one (OpenApiDocumentTests) with the running configuration filled in;
 * it is also written to target/openapi-served.json for a look. Issue 14: Swagger UI is served without springdoc and
 * opens that document.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.verdict.max-batch=7",
        "detector.verdict.max-document-size=200KB",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
@AutoConfigureMockMvc
class ApiDocumentationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    HostedModels hosted;

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse()
                .getContentAsString();
        Files.writeString(Path.of("target/openapi-served.json"), body);
        document = JsonMapper.shared().readTree(body);
    }

    @Test
    void shouldNameTheServiceItsVersionAndItsModel() {
        JsonNode info = document.path("info");

        assertThat(info.path("title").asString()).isEqualTo("Text provenance detector");
        assertThat(info.path("version").asString()).isNotBlank().isNotEqualTo("v0").doesNotContain("${");
        assertThat(info.path("description").asString()).contains("tiny-test-gpt 0.0.1", "machine, human or uncertain",
                "32 tokens", "4096 tokens and 204800 bytes", "problem+json", "X-API-Key").doesNotContain("${");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(document.path("tags").findValuesAsString("name")).containsExactly("verdicts", "models");
    }

    @Test
    void shouldListTheHostedModelsAsTheOnlyNamesARequestMayGive() {
        JsonNode names = document.path("components").path("schemas").path("VerdictRequest").path("properties")
                .path("models").path("items").path("enum");

        assertThat(names.isArray()).as("models.items.enum").isTrue();
        assertThat(names.valueStream().map(JsonNode::asString)).containsExactlyElementsOf(hosted.names())
                .containsExactly("tiny-test-gpt");
    }

    @Test
    void shouldStateTheConfiguredBatchLimit() {
        JsonNode documents = schemas().path("BatchRequest").path("properties").path("documents");

        assertThat(documents.path("maxItems").asInt()).isEqualTo(7);
        assertThat(documents.path("description").asString()).isEqualTo("at most detector.verdict.max-batch (7) documents");
        assertThat(document.toString()).doesNotContain("${");
    }

    @Test
    void shouldServeSwaggerUiOnTheDocumentFromTheServiceAlone() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("swagger-ui-bundle.js")));
        mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("url: \"../v3/api-docs\"")))
                .andExpect(content().string(containsString("validatorUrl: null")))
                .andExpect(content().string(not(containsString("petstore"))));
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css",
                "index.css")) {
            mvc.perform(get("/swagger-ui/" + file)).andExpect(status().isOk());
        }
    }

    @Test
    void shouldTagAndDescribeEveryOperation() {
        for (String path : List.of("/v1/verdicts", "/v1/verdicts/batch", "/v1/models")) {
            JsonNode operation = operation(path);
            assertThat(operation.path("tags").get(0).asString()).as(path).isIn("verdicts", "models");
            assertThat(operation.path("description").asString()).as(path).isNotBlank();
            assertThat(operation.path("responses").path("200").path("description").asString()).as(path)
                    .isNotEqualTo("OK");
        }
        assertThat(operation("/v1/verdicts").path("responses").path("200").path("content").path("application/json")
                .path("schema").path("$ref").asString()).endsWith("/Verdict");
    }

    @Test
    void shouldTypeTheModelsAnswer() {
        JsonNode schema = operation("/v1/models").path("responses").path("200").path("content")
                .path("application/json").path("schema");

        assertThat(schema.path("items").path("$ref").asString()).endsWith("/ModelDescription");
        assertThat(schemas().path("ModelDescription").path("properties").propertyNames())
                .contains("name", "version", "sha256", "format", "contextLength", "vocabSize", "device", "pawn",
                        "calibrated");
    }

    @Test
    void shouldDocumentEveryErrorAsAProblemWithAnExample() {
        for (String status : List.of("400", "401", "413", "415", "429", "503")) {
            JsonNode problem = operation("/v1/verdicts").path("responses").path(status).path("content")
                    .path("application/problem+json");
            assertThat(problem.path("schema").path("$ref").asString()).as(status).endsWith("/Problem");
            assertThat(problem.path("example").path("status").asInt()).as(status).isEqualTo(Integer.parseInt(status));
            assertThat(problem.path("example").path("detail").asString()).as(status).isNotBlank();
        }
        assertThat(schemas().path("Problem").path("properties").path("detail").path("description").asString())
                .isNotBlank();
    }

    @Test
    void shouldDescribeEveryRequestAndResponseField() {
        List<String> undescribed = new ArrayList<>();
        for (String name : List.of("Verdict", "VerdictRequest", "ModelDescription", "ZeroShotScore", "Provenance",
                "Tokens", "LabelBasis", "ModelInfo", "Timings", "TokenEvidence", "ProvenanceTrace", "TracePoint")) {
            JsonNode schema = schemas().path(name);
            assertThat(schema.isMissingNode()).as(name + " in components").isFalse();
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (property.getValue().path("description").asString("").isBlank()) {
                    undescribed.add(name + "." + property.getKey());
                }
            }
        }
        assertThat(undescribed).as("fields without a description").isEmpty();
        // a nullable object: anyOf [$ref, null] (a $ref beside type [object, null] would refuse null)
        JsonNode trace = schemas().path("Verdict").path("properties").path("trace");
        assertThat(trace.path("$ref").isMissingNode()).isTrue();
        assertThat(trace.path("anyOf").toString()).contains("ProvenanceTrace", "\"null\"");
    }

    private JsonNode operation(String path) {
        JsonNode item = document.path("paths").path(path);
        return item.has("post") ? item.path("post") : item.path("get");
    }

    private JsonNode schemas() {
        return document.path("components").path("schemas");
    }
}
