package io.textprovenance.service.problem;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Documents in the OpenAPI document every error status {@link ProblemAdvice} and the filters answer on /v1, each as
 * application/problem+json with the Problem schema: 400, 401, 405 (with Allow), 406, 413 and 415 (operations with a
 * body), 429 (with Retry-After), 500, 503 (with Retry-After). Read by springdoc in OpenApiDocumentTests only.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProblemOpenApi {

    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                    .description("An RFC 9457 problem: what went wrong, in words a caller can act on")
                    .addProperty("type", new StringSchema().format("uri")
                            .description("Identifies the kind of problem (" + ProblemResponses.TYPE_BASE + "...)"))
                    .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                    .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                    .addProperty("detail", new StringSchema().description("What went wrong with this request and"
                            + " what to change"))
                    .addProperty("instance", new StringSchema().description("The request path, when given")));
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/v1/")) {
                    item.readOperations().forEach(ProblemOpenApi::document);
                }
            });
        };
    }

    private static void document(Operation operation) {
        Map<String, ApiResponse> errors = new LinkedHashMap<>();
        errors.put("400", problem("Invalid request: malformed JSON, a wrong JSON type, a broken constraint, or a refused path",
                400, "invalid-json", "Malformed request body", "the body is not valid JSON of the expected shape"
                        + " ({\"id\": string, \"text\": string, \"explain\": boolean}): field 'text' must be a JSON string"));
        errors.put("401", problem("No valid API key", 401, "unauthorized", "Unauthorized",
                "send a valid API key in the X-API-Key header"));
        errors.put("405", problem("Method not allowed", 405, "method-not-allowed", "Method not allowed",
                "method PUT is not supported here; allowed: POST").addHeaderObject("Allow", header("the methods allowed")));
        errors.put("406", problem("The Accept header asks for something other than JSON", 406, "not-acceptable",
                "Not acceptable", "responses are application/json (errors application/problem+json); send Accept:"
                        + " application/json"));
        if (operation.getRequestBody() != null) {
            errors.put("413", problem("Document or request over detector.verdict.max-document-size or max-tokens", 413,
                    "document-too-large", "Document too large", "document is 5210 tokens; the limit is 4096 tokens per"
                            + " request (detector.verdict.max-tokens): split it into shorter requests"));
            errors.put("415", problem("Content-Type is not application/json", 415, "unsupported-media-type",
                    "Unsupported media type", "send Content-Type: application/json"));
        }
        errors.put("429", problem("REST rate limit reached", 429, "rate-limited", "Too many requests",
                "the REST rate limit is reached; retry in a second").addHeaderObject("Retry-After", header("seconds")));
        errors.put("500", problem("Unexpected server error", 500, "internal-error", "Internal error",
                "the request failed on the server; it has been logged"));
        errors.put("503", problem("Scorer unavailable: circuit open, overloaded or timed out", 503, "scorer-unavailable",
                "Scorer unavailable", "the scorer is at capacity; retry in a second")
                .addHeaderObject("Retry-After", header("seconds")));
        errors.forEach((status, response) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, response);
            }
        });
    }

    private static ApiResponse problem(String description, int status, String type, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemResponses.TYPE_BASE + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
