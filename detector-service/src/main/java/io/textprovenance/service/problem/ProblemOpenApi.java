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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents in the OpenAPI document every error status {@link ProblemAdvice} and the filters answer on /v1, each as
 * application/problem+json with the Problem schema: 400, 401, 405 (with Allow), 406, 413 and 415 (operations with a
 * body), 429 (with Retry-After), 500, 503 (with Retry-After).
 */
@Configuration(proxyBeanMethods = false)
class ProblemOpenApi {

    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                    .addProperty("type", new StringSchema().format("uri"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema()));
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/v1/")) {
                    item.readOperations().forEach(ProblemOpenApi::document);
                }
            });
        };
    }

    private static void document(Operation operation) {
        Map<String, ApiResponse> errors = new LinkedHashMap<>();
        errors.put("400", problem("Invalid request: malformed JSON, a wrong JSON type, a broken constraint, or a refused path"));
        errors.put("401", problem("No valid API key"));
        errors.put("405", problem("Method not allowed").addHeaderObject("Allow", header("the methods allowed")));
        errors.put("406", problem("The Accept header asks for something other than JSON"));
        if (operation.getRequestBody() != null) {
            errors.put("413", problem("Document or request over detector.verdict.max-document-size or max-tokens"));
            errors.put("415", problem("Content-Type is not application/json"));
        }
        errors.put("429", problem("REST rate limit reached").addHeaderObject("Retry-After", header("seconds")));
        errors.put("500", problem("Unexpected server error"));
        errors.put("503", problem("Scorer unavailable: circuit open, overloaded or timed out")
                .addHeaderObject("Retry-After", header("seconds")));
        errors.forEach((status, response) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, response);
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
