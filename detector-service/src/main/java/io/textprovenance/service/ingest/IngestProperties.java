package io.textprovenance.service.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * detector.kafka.*: the Kafka pipeline.
 *
 * @param enabled     whether the listener starts
 * @param documents   input topic: JSON {"id", "text", ...}, key = id
 * @param verdicts    output topic: the verdict JSON, key = id
 * @param deadLetter  where invalid records go, with headers naming the reason and their origin
 * @param concurrency listener threads (at most the partitions of the input topic are useful)
 * @param partitions  partitions of the topics the service creates when missing
 */
@Validated
@ConfigurationProperties("detector.kafka")
public record IngestProperties(@DefaultValue("true") boolean enabled,
                               @NotBlank @DefaultValue("documents") String documents,
                               @NotBlank @DefaultValue("verdicts") String verdicts,
                               @NotBlank @DefaultValue("documents.DLT") String deadLetter,
                               @Min(1) @DefaultValue("1") int concurrency,
                               @Min(1) @DefaultValue("3") int partitions) {
}
