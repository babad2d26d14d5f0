package io.textprovenance.service.verdict;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Request limits that are configuration, not annotations, written into the OpenAPI document so that the schema
 * and the validation agree: a batch holds at most {@code detector.verdict.max-batch} documents (more gets 400). The
 * committed document holds the default and a placeholder in the description; {@link OpenApiDocument} writes the running
 * limit into both.
 */
@TestConfiguration(proxyBeanMethods = false)
class VerdictOpenApi {

    @Bean
    OpenApiCustomizer batchLimits(VerdictProperties properties) {
        return openApi -> {
            Schema<?> batch = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get("BatchRequest");
            if (batch != null && batch.getProperties() != null && batch.getProperties().get("documents") != null) {
                Schema<?> documents = batch.getProperties().get("documents");
                documents.setMaxItems(properties.maxBatch());
                documents.setDescription("at most detector.verdict.max-batch (" + OpenApiDocument.MAX_BATCH
                        + ") documents");
            }
        };
    }
}
