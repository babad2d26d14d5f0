package io.textprovenance.service.verdict;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
     * The request in {@code node}, checked; without an "id" field, {@code defaultId} (a Kafka record's key, which
     * then stands in for the id) is checked against the constraints of an id the body gives.
     *
     * @param defaultId the id when the body has none; may be null
     * @throws DocumentRejectedException naming the field that is of the wrong type or breaks a constraint
     */
    public VerdictRequest read(JsonNode node, String defaultId) {
        VerdictRequest request;
        try {
            request = json.treeToValue(node, VerdictRequest.class);
        } catch (JacksonException e) {
            throw DocumentRejectedException.invalid(StrictJson.describe(e));
        }
        Stream<String> violations = validator.validate(request).stream().map(VerdictRequests::describe);
        if (request.id() == null && defaultId != null) {   // the id's own constraints, on the value standing in
            violations = Stream.concat(violations, validator.validateValue(VerdictRequest.class, "id", defaultId)
                    .stream().map(violation -> describe(violation) + " (the record key, as the value has no \"id\")"));
        }
        String described = violations.sorted().collect(Collectors.joining("; "));
        if (!described.isEmpty()) {
            throw DocumentRejectedException.invalid(described);
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
