package io.textprovenance.service.verdict;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.util.AccessPattern;

/**
 * Strict JSON types for request fields: a string field takes only a JSON string (not 42, not true), a flag only
 * true or false (not "yes", not "true", not null; absent is fine). Applied on {@link VerdictRequest}'s components, so REST binding and
 * the Kafka parser refuse the same inputs.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** A JSON string, nothing coerced into one. */
    static final class Text extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.reportInputMismatch(String.class, "must be a JSON string");
            }
            return parser.getString();
        }
    }

    /**
     * An optional JSON string (the id): absent is fine, an explicit null is refused like any other wrong type (the
     * schema says string, not null).
     */
    static final class OptionalText extends ValueDeserializer<String> {

        private final Text text = new Text();

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return text.deserialize(parser, context);
        }

        @Override
        public String getNullValue(DeserializationContext context) {
            return context.reportInputMismatch(String.class, "must be a JSON string, not null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    /** JSON true or false, nothing coerced into one. */
    static final class Flag extends ValueDeserializer<Boolean> {

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                return context.reportInputMismatch(Boolean.class, "must be true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }

        /** An explicit null is refused... */
        @Override
        public Boolean getNullValue(DeserializationContext context) {
            return context.reportInputMismatch(Boolean.class, "must be true or false, not null");
        }

        /** ...an absent flag is simply not set. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    /**
     * An optional array of JSON strings (the models a request names): absent is fine; an explicit null, a single
     * string, or an element that is not a string is refused.
     */
    static final class TextList extends ValueDeserializer<List<String>> {

        @Override
        public List<String> deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                return context.reportInputMismatch(List.class, "must be an array of JSON strings");
            }
            List<String> values = new java.util.ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    return context.reportInputMismatch(List.class, "must be an array of JSON strings");
                }
                values.add(parser.getString());
            }
            return List.copyOf(values);
        }

        @Override
        public List<String> getNullValue(DeserializationContext context) {
            return context.reportInputMismatch(List.class, "must be an array of JSON strings, not null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    /** Which field was wrong, for a problem detail or a dead-letter reason; no parser internals. */
    static String describe(JacksonException failure) {
        List<JacksonException.Reference> path = failure.getPath();
        String field = path.stream().map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
        return field.isEmpty() ? "the body is not a JSON object of the expected shape"
                : "field '" + field.replace(".[", "[") + "' is null or of the wrong JSON type";
    }
}
