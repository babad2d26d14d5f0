package io.textprovenance.service.verdict;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads and checks a {@link VerdictRequest} outside Spring MVC (a Kafka record's value) exactly as REST binding
 * does: the record's strict JSON types and its Bean Validation constraints, with the same wording.
 */
public final class VerdictRequests {

    private final ObjectMapper json;
    private final Validator validator;

    public VerdictRequests(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @throws IllegalArgumentException naming the field that is of the wrong type or breaks a constraint
     */
    public VerdictRequest read(JsonNode node) {
        VerdictRequest request;
        try {
            request = json.treeToValue(node, VerdictRequest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(StrictJson.describe(e));
        }
        String violations = validator.validate(request).stream().map(VerdictRequests::describe).sorted()
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations);
        }
        return request;
    }

    /** "field: message", as REST's 400 lists them. */
    static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    /** The wording of a wrong JSON type, for REST's 400. */
    public static String describe(JacksonException failure) {
        return StrictJson.describe(failure);
    }
}
