package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.textprovenance.service.problem.ProblemOpenApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 (one Jackson major): the OpenAPI document is written at build time, not by the running service. springdoc
 * (test classpath only: its swagger-core binds with Jackson 2) generates it here from the controllers, the records'
 * annotations and the customizers ({@link ApiDocumentation}, {@link VerdictOpenApi}, {@link ProblemOpenApi}); it must
 * equal the committed {@code src/main/resources/openapi/openapi.json} (pretty-printed, keys sorted), which the service
 * serves ({@link OpenApiDocument}). When they differ the test writes the generated one to target/openapi.json and
 * fails; {@code ./mvnw -o test -pl detector-service -Dtest=OpenApiDocumentTests -Dopenapi.update=true} rewrites the
 * committed copy.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false",
        "springdoc.api-docs.enabled=true",
        "springdoc.api-docs.path=" + OpenApiDocumentTests.GENERATED})
@AutoConfigureMockMvc
@Import({ApiDocumentation.class, VerdictOpenApi.class, ProblemOpenApi.class})
class OpenApiDocumentTests {

    /** Where springdoc serves the document in this test (the service's own /v3/api-docs is the committed one). */
    static final String GENERATED = "/springdoc/api-docs";
    static final Path COMMITTED = Path.of("src/main/resources/openapi/openapi.json");
    static final Path WRITTEN = Path.of("target/openapi.json");
    static final String UPDATE = "openapi.update";

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Autowired
    MockMvc mvc;

    /** Not the committed document's reader: generating works whatever state the committed copy is in. */
    @MockitoBean
    OpenApiDocument served;

    @Test
    void shouldCommitTheDocumentThatSpringdocGenerates() throws Exception {
        String generated = pretty(mvc.perform(get(GENERATED)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(COMMITTED, generated);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (!generated.equals(committed)) {
            Files.createDirectories(WRITTEN.getParent());
            Files.writeString(WRITTEN, generated);
            fail("The committed OpenAPI document detector-service/" + COMMITTED + " is not the one the code generates"
                    + " (written to detector-service/" + WRITTEN + "). Look at the difference, then update the"
                    + " committed copy: ./mvnw -o test -pl detector-service -Dtest=OpenApiDocumentTests -D" + UPDATE
                    + "=true");
        }
        // the committed document is what the service serves, its placeholders filled in
        assertThat(committed).contains(OpenApiDocument.HOSTED_MODELS, OpenApiDocument.VERSION, OpenApiDocument.MODEL);
        assertThat(committed).doesNotContain("\"" + OpenApiDocument.PATH + "\"", "\"/error\"");
    }

    @Test
    void shouldRefuseToServeADocumentWithAPlaceholderLeft() {
        assertThatThrownBy(() -> OpenApiDocument.fill(OpenApiDocument.committed(), Map.of(), List.of("m"), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("placeholder");
        JsonNode filled = OpenApiDocument.fill(OpenApiDocument.committed(), Map.of(OpenApiDocument.VERSION, "1",
                OpenApiDocument.MODEL, "m 2", OpenApiDocument.MIN_TOKENS, "3", OpenApiDocument.MAX_TOKENS, "4",
                OpenApiDocument.MAX_DOCUMENT_BYTES, "5", OpenApiDocument.MAX_BATCH, "6"), List.of("m", "n"), 6);
        assertThat(filled.at("/components/schemas/VerdictRequest/properties/models/items/enum").toString())
                .isEqualTo("[\"m\",\"n\"]");
        assertThat(filled.at(OpenApiDocument.BATCH_DOCUMENTS + "/maxItems").asInt()).isEqualTo(6);
        assertThat(filled.at("/info/version").asString()).isEqualTo("1");
    }

    /** Pretty-printed, every object's keys sorted, one line feed at the end: the same document, the same bytes. */
    static String pretty(String json) {
        Object document = PRETTY.readValue(json, Object.class);
        return PRETTY.writeValueAsString(document).replace("\r\n", "\n") + "\n";
    }
}
