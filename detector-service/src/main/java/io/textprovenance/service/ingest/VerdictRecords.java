package io.textprovenance.service.ingest;

import io.textprovenance.service.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.ObjectMapper;

/**
 * A verdict as a record of the verdicts topic, keyed by its id, or the reason it cannot be one: its JSON
 * (per-token evidence grows it by about 100 bytes a token) would exceed {@link RecordLimits#valueBytes()}.
 * Such a document is dead-lettered with that reason instead of stalling its partition.
 */
final class VerdictRecords {

    /** Either a record or the reason there is none. */
    record Encoded(ProducerRecord<String, byte[]> record, String refusal) {
    }

    private final ObjectMapper json;
    private final String topic;
    private final RecordLimits limits;

    VerdictRecords(ObjectMapper json, String topic, RecordLimits limits) {
        this.json = json;
        this.topic = topic;
        this.limits = limits;
    }

    Encoded encode(Verdict verdict) {
        byte[] value = json.writeValueAsBytes(verdict);
        int keyBytes = verdict.id().getBytes(StandardCharsets.UTF_8).length;
        if (value.length > limits.valueBytes() || keyBytes > RecordLimits.KEY_BYTES) {
            String evidence = verdict.evidence() != null && !verdict.evidence().isEmpty()
                    ? " with explain evidence for " + verdict.evidence().size() + " tokens; send explain: false or a"
                    + " shorter document" : "";
            return new Encoded(null, "the verdict is " + value.length + " bytes" + evidence + ": over the limit of "
                    + limits.valueBytes() + " bytes for a verdict record (detector.kafka.max-record-size "
                    + limits.maxRecordSize() + " bytes)");
        }
        return new Encoded(new ProducerRecord<>(topic, verdict.id(), value), null);
    }
}
