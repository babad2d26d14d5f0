package io.textprovenance.service.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Decodes a record value strictly: UTF-8, a JSON object, a string "text"; otherwise a reason to dead-letter. */
final class DocumentParser {

    private final ObjectMapper json;

    DocumentParser(ObjectMapper json) {
        this.json = json;
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
        JsonNode text = node.get("text");
        if (text == null || !text.isString()) {
            throw new InvalidDocumentException("missing string field \"text\"");
        }
        JsonNode id = node.get("id");
        String documentId = id != null && id.isString() ? id.asString() : key;
        return new DocumentRecord(documentId, text.asString(), node.path("explain").asBoolean(false));
    }
}
