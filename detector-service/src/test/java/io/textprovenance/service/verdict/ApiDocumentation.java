package io.textprovenance.service.verdict;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document's front matter: the service's title, a description a first-time reader can act on, the version
 * of the build and of the model in service, tags, a relative server URL (so the document is right behind any proxy),
 * and a description of each operation's 200 answer. Field descriptions live on the records ({@link Verdict}, {@link
 * VerdictRequest}, {@link ModelDescription}); error responses are added by {@code ProblemOpenApi}. Read by springdoc
 * in {@link OpenApiDocumentTests} only, which writes the committed document: where the running configuration decides
 * (version, model, limits, hosted names) it holds {@link OpenApiDocument}'s placeholders, filled in at startup.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String VERDICTS = VerdictController.VERDICTS;
    static final String MODELS = VerdictController.MODELS;

    @Bean
    OpenAPI detectorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Text provenance detector").version(OpenApiDocument.VERSION)
                        .description("Is this text machine-written? Each verdict scores every token of a text with a"
                                + " causal language model (here " + OpenApiDocument.MODEL + "),"
                                + " computes zero-shot scores and the PAWN classifier's probability with p-values"
                                + " calibrated on human and machine reference texts, and runs a provenance test whose"
                                + " false-positive rate is bounded for the model's own unedited samples (provenance"
                                + " names the null hypothesis and when the bound holds). The label is machine, human or"
                                + " uncertain; `summary` says in plain words what it means, `basis` which tokens it"
                                + " rests on. A label needs at least " + OpenApiDocument.MIN_TOKENS + " tokens (about 25"
                                + " words); a request holds at most " + OpenApiDocument.MAX_TOKENS + " tokens and "
                                + OpenApiDocument.MAX_DOCUMENT_BYTES + " bytes. Errors are RFC 9457"
                                + " application/problem+json. With API keys on (every profile but local), /v1 needs an"
                                + " X-API-Key header. A web console is served at /; docs/verdict.md explains every field."))
                .servers(List.of(new Server().url("/").description("this service")))
                .tags(List.of(
                        new Tag().name(VERDICTS).description("Judge documents: label, plain-words summary, scores,"
                                + " p-values, provenance test, and with explain: true the per-token evidence"),
                        new Tag().name(MODELS).description("The models in service: the one that answers, and any hosted for"
                                + " attribution")));
    }

    /**
     * {@code trace} and {@code attribution} are an object or null: springdoc writes a nullable reference as {@code
     * $ref} with {@code type: [object, null]} beside it, which JSON Schema reads as "both", so null would not match;
     * written here as {@code anyOf: [$ref, null]}.
     */
    @Bean
    OpenApiCustomizer nullableTrace() {
        return openApi -> {
            Schema<?> verdict = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get("Verdict");
            if (verdict == null || verdict.getProperties() == null) {
                return;
            }
            Map.of("trace", "ProvenanceTrace", "attribution", "Attribution").forEach((property, type) -> {
                if (verdict.getProperties().get(property) == null) {
                    return;
                }
                Schema<Object> nullable = new Schema<>();
                nullable.setDescription(verdict.getProperties().get(property).getDescription());
                nullable.addAnyOfItem(new Schema<>().$ref("#/components/schemas/" + type));
                nullable.addAnyOfItem(new Schema<>().type("null").typesItem("null"));
                verdict.getProperties().put(property, nullable);
            });
        };
    }

    /**
     * A request may name only the hosted models: the schema lists their names as an enum, so a client (or a
     * fuzzer) sending a schema-valid request never names a model this service does not host. The names are the
     * running service's: a placeholder here, filled in by {@link OpenApiDocument}.
     */
    @Bean
    @SuppressWarnings("unchecked")
    OpenApiCustomizer hostedModelNames() {
        return openApi -> {
            Schema<?> request = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get("VerdictRequest");
            Schema<?> models = request == null || request.getProperties() == null ? null
                    : request.getProperties().get("models");
            if (models != null && models.getItems() != null) {
                ((Schema<String>) models.getItems()).setEnum(List.of(OpenApiDocument.HOSTED_MODELS));
            }
        };
    }

    /** springdoc names every 200 "OK": say what comes back. */
    @Bean
    OpenApiCustomizer successDescriptions() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().get("200") != null) {
                operation.getResponses().get("200").setDescription(switch (path) {
                    case "/v1/verdicts" -> "The verdict";
                    case "/v1/verdicts/batch" -> "One verdict per document, in request order";
                    case "/v1/models" -> "The models in service: the one that answers verdicts first, then those hosted for"
                            + " attribution (detector.scoring.attribution-models)";
                    default -> operation.getResponses().get("200").getDescription();
                });
            }
        }));
    }
}
