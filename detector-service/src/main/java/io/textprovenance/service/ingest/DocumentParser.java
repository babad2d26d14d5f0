package io.textprovenance.service.ingest;

import io.textprovenance.service.verdict.VerdictRequest;
import io.textprovenance.service.verdict.VerdictRequests;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decodes a record value strictly: UTF-8, a JSON object, then the same request rules as REST
 * ({@link VerdictRequests}: string "text", string "id" of at most 256 characters, boolean "explain"); otherwise
 * a reason to dead-letter. Without an "id" the record key is the id, under the same bound.
 */
final class DocumentParser {

    private final ObjectMapper json;
    private final VerdictRequests requests;

    DocumentParser(ObjectMapper json, VerdictRequests requests) {
        this.json = json;
        this.requests = requests;
    }

    /** The document, or throws {@link InvalidDocumentException} with the reason. */
    DocumentRecord parse(String key, byte[] value) {
        if (value == null) {
            throw new InvalidDocumentException("empty record value (tombstone)");
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDocumentException("value is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (RuntimeException e) {
            throw new InvalidDocumentException("value is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidDocumentException("value is not a JSON object");
        }
        VerdictRequest request;
        try {
            request = requests.read(node);
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException(e.getMessage());
        }
        String id = request.id() != null ? request.id() : key;
        if (id != null && id.length() > VerdictRequest.MAX_ID_LENGTH) {
            throw new InvalidDocumentException("id: the record key, used as the id, is " + id.length()
                    + " characters; at most " + VerdictRequest.MAX_ID_LENGTH);
        }
        return new DocumentRecord(id, request.text(), Boolean.TRUE.equals(request.explain()));
    }
}
