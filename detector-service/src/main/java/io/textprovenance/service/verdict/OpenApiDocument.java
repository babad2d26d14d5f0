package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.Hidden;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.service.scoring.HostedModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the OpenAPI document at {@code /v3/api-docs}: the committed {@code openapi/openapi.json} (generated from the
 * controllers and records by springdoc-openapi in OpenApiDocumentTests, which fails when the two differ), with the
 * parts that follow the running configuration filled in at startup: the build's version, the served model, the
 * request limits (min-tokens, max-tokens, max-document-size, max-batch, also the batch schema's {@code maxItems}) and
 * the hosted model names, the only ones a request's {@code models} may give. springdoc itself is not in the jar: its
 * swagger-core binds with Jackson 2 (issue 14).
 */
@Hidden
@RestController
class OpenApiDocument {

    /** The committed document, on the classpath. */
    static final String LOCATION = "openapi/openapi.json";
    static final String PATH = "/v3/api-docs";

    /* Placeholders the committed document carries where the running configuration decides (ApiDocumentation and
       VerdictOpenApi, in the tests, write them). */
    static final String VERSION = "${build.version}";
    static final String MODEL = "${detector.scoring.model}";
    static final String MIN_TOKENS = "${detector.verdict.min-tokens}";
    static final String MAX_TOKENS = "${detector.verdict.max-tokens}";
    static final String MAX_DOCUMENT_BYTES = "${detector.verdict.max-document-size}";
    static final String MAX_BATCH = "${detector.verdict.max-batch}";
    /** The whole content of an enum: the hosted models' names. */
    static final String HOSTED_MODELS = "${detector.scoring.hosted-models}";
    /** Where the batch limit is also a number: the batch schema's maxItems. */
    static final String BATCH_DOCUMENTS = "/components/schemas/BatchRequest/properties/documents";

    private final byte[] document;

    OpenApiDocument(ObjectProvider<BuildProperties> build, Scorer scorer, VerdictProperties properties,
                    HostedModels hosted) {
        ModelManifest model = scorer.manifest();
        BuildProperties info = build.getIfAvailable();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(VERSION, info == null ? "development build" : info.getVersion());
        values.put(MODEL, model.name() + " " + model.version());
        values.put(MIN_TOKENS, Integer.toString(properties.minTokens()));
        values.put(MAX_TOKENS, Integer.toString(properties.maxTokens()));
        values.put(MAX_DOCUMENT_BYTES, Long.toString(properties.maxDocumentSize().toBytes()));
        values.put(MAX_BATCH, Integer.toString(properties.maxBatch()));
        this.document = JsonMapper.shared().writeValueAsBytes(fill(committed(), values, hosted.names(),
                properties.maxBatch()));
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] document() {
        return document;
    }

    static JsonNode committed() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + LOCATION + " is not on the classpath", e);
        }
    }

    /**
     * The document with every placeholder replaced: a string's placeholders by their values, an enum holding only
     * {@link #HOSTED_MODELS} by the hosted names; the batch schema's maxItems set to max-batch.
     *
     * @throws IllegalStateException when a placeholder is left, the hosted names had nowhere to go or the batch
     *                               schema is missing: the committed document and this class disagree
     */
    static JsonNode fill(JsonNode committed, Map<String, String> values, List<String> hostedModels, int maxBatch) {
        JsonNode document = committed.deepCopy();
        List<String> filled = new ArrayList<>();
        substitute(document, values, hostedModels, filled);
        if (!filled.contains(HOSTED_MODELS)) {
            throw new IllegalStateException(LOCATION + " has no enum [\"" + HOSTED_MODELS + "\"] for the hosted models");
        }
        if (!(document.at(BATCH_DOCUMENTS) instanceof ObjectNode documents)) {
            throw new IllegalStateException(LOCATION + " has no " + BATCH_DOCUMENTS);
        }
        documents.put("maxItems", maxBatch);
        String text = document.toString();
        int left = text.indexOf("${");
        if (left >= 0) {
            throw new IllegalStateException(LOCATION + " holds a placeholder this service does not fill: "
                    + text.substring(left, Math.min(text.length(), text.indexOf('}', left) + 1)));
        }
        return document;
    }

    private static void substitute(JsonNode node, Map<String, String> values, List<String> hostedModels,
                                   List<String> filled) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode child = object.get(name);
                if (child.isString()) {
                    object.put(name, replace(child.stringValue(), values));
                } else {
                    substitute(child, values, hostedModels, filled);
                }
            }
        } else if (node instanceof ArrayNode array) {
            if (array.size() == 1 && array.get(0).isString() && HOSTED_MODELS.equals(array.get(0).stringValue())) {
                array.removeAll();
                hostedModels.forEach(array::add);
                filled.add(HOSTED_MODELS);
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isString()) {
                    array.set(i, array.stringNode(replace(item.stringValue(), values)));
                } else {
                    substitute(item, values, hostedModels, filled);
                }
            }
        }
    }

    private static String replace(String text, Map<String, String> values) {
        String replaced = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            replaced = replaced.replace(value.getKey(), value.getValue());
        }
        return replaced;
    }
}
