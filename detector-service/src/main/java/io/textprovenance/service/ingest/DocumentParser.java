package io.textprovenance.service.ingest;

import io.textprovenance.service.verdict.DocumentRejectedException;
import io.textprovenance.service.verdict.VerdictRequest;
import io.textprovenance.service.verdict.VerdictRequests;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decodes a record value strictly: UTF-8, a JSON object, then the same request rules as REST
 * ({@link VerdictRequests}: string "text", string "id" of at most {@value VerdictRequest#MAX_ID_LENGTH}
 * characters, boolean "explain"); otherwise a reason to dead-letter. Without an "id" the record key is the id,
 * under the same constraint.
 */
final class DocumentParser {

    private final ObjectMapper json;
    private final VerdictRequests requests;

    DocumentParser(ObjectMapper json, VerdictRequests requests) {
        this.json = json;
        this.requests = requests;
    }

    /** The document, or throws {@link DocumentRejectedException} with the reason. */
    DocumentRecord parse(String key, byte[] value) {
        if (value == null) {
            throw DocumentRejectedException.invalid("empty record value (tombstone)");
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw DocumentRejectedException.invalid("value is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw DocumentRejectedException.invalid("value is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw DocumentRejectedException.invalid("value is not a JSON object");
        }
        VerdictRequest request = requests.read(node, key);
        return new DocumentRecord(request.id() != null ? request.id() : key, request.text(),
                request.wantsExplanation(), request.models());
    }
}
