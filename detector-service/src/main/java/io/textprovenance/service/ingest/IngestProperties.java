package io.textprovenance.service.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * detector.kafka.*: the Kafka pipeline.
 *
 * @param enabled       whether the listener starts
 * @param documents     input topic: JSON {"id", "text", ...}, key = id
 * @param verdicts      output topic: the verdict JSON, key = id
 * @param deadLetter    where invalid records go, with headers naming the reason and their origin
 * @param concurrency   listener threads (at most the partitions of the input topic are useful)
 * @param partitions    partitions of the topics the service creates when missing
 * @param maxRecordSize the producer's {@code max.request.size}, set from here (the one place): the largest
 *                      verdict or dead letter the service publishes; dead-letter excerpts and verdicts are
 *                      bounded by it (see {@link RecordLimits}). Keep it at or below the topics'
 *                      {@code max.message.bytes}.
 * @param stallAfter    the listener counts as stalled (the "consumer" health DOWN, the
 *                      detector.kafka.consumer.stalled gauge 1) when a batch has been running or failing this long
 *                      without one completing
 */
@Validated
@ConfigurationProperties("detector.kafka")
public record IngestProperties(@DefaultValue("true") boolean enabled,
                               @NotBlank @DefaultValue("documents") String documents,
                               @NotBlank @DefaultValue("verdicts") String verdicts,
                               @NotBlank @DefaultValue("documents.DLT") String deadLetter,
                               @Min(1) @DefaultValue("1") int concurrency,
                               @Min(1) @DefaultValue("3") int partitions,
                               @NotNull @DefaultValue("1MB") DataSize maxRecordSize,
                               @NotNull @DefaultValue("120s") Duration stallAfter) {

    public IngestProperties {
        if (maxRecordSize != null && maxRecordSize.toBytes() < RecordLimits.MIN_RECORD_SIZE) {
            throw new IllegalArgumentException("detector.kafka.max-record-size must be at least "
                    + RecordLimits.MIN_RECORD_SIZE + " bytes, got " + maxRecordSize.toBytes());
        }
    }

    /** The bounds every published record keeps, derived from {@link #maxRecordSize}. */
    public RecordLimits limits() {
        return new RecordLimits(Math.toIntExact(Math.min(maxRecordSize.toBytes(), Integer.MAX_VALUE)));
    }
}
