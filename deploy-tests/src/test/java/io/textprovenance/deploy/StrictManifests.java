package io.textprovenance.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Parses multi-document Kubernetes YAML strictly into the fabric8 model.
 *
 * <p>fabric8's model classes accept any field: unknown ones land in an {@code additionalProperties} map (a Jackson
 * any-setter), so {@code FAIL_ON_UNKNOWN_PROPERTIES} alone never fires. After binding, this class therefore walks
 * the object graph and fails on the first non-empty {@code additionalProperties}, naming its path. Duplicate keys
 * and strings where the model wants a boolean or a number fail too. Kinds fabric8 does not model (KEDA
 * {@code ScaledObject}, Prometheus Operator {@code ServiceMonitor}) bind to {@link GenericKubernetesResource}: only
 * their metadata is checked here, their spec by the callers.
 */
final class StrictManifests {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(strictMapper(), true);

    private StrictManifests() {
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType type : List.of(LogicalType.Boolean, LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * Parses every document of {@code yaml}; empty documents (a template that rendered nothing) are skipped.
     *
     * @throws AssertionError naming the document and the path of the first unknown field
     */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String name = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
                KubernetesResource resource;
                try {
                    resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(name + " does not bind to the fabric8 model: " + e.getMessage(), e);
                }
                if (!(resource instanceof HasMetadata object)) {
                    throw new AssertionError(name + " is not a Kubernetes object: " + resource.getClass().getName());
                }
                if (object instanceof GenericKubernetesResource generic) {
                    requireNoUnknownFields(generic.getMetadata(), name + ".metadata");
                } else {
                    requireNoUnknownFields(object, name);
                }
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** Whether fabric8 models {@code apiVersion}/{@code kind} (a built-in kind), so that it binds to a typed class. */
    static boolean isModelled(String apiVersion, String kind) {
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        return type != null && type != GenericKubernetesResource.class;
    }

    private static void requireNoUnknownFields(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                requireNoUnknownFields(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> requireNoUnknownFields(item, path + "." + key));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        throw new AssertionError("unknown field(s) " + unknown.keySet() + " at " + path);
                    }
                } else {
                    requireNoUnknownFields(fieldValue, path + "." + field.getName());
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
