package io.textprovenance.service.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds dead letters that always fit the producer's limit: the original's key (cut to
 * {@link RecordLimits#KEY_BYTES}), its value whole or, when larger than {@link RecordLimits#valueBytes()}, its
 * first bytes as an excerpt; headers with the reason (cut to {@link RecordLimits#REASON_BYTES}), the original's
 * topic, partition, offset, size and sha256, and whether the value is whole, an excerpt or absent.
 */
final class DeadLetters {

    private final String topic;
    private final RecordLimits limits;

    DeadLetters(String topic, RecordLimits limits) {
        this.topic = topic;
        this.limits = limits;
    }

    /** The dead letter of {@code record}: its value whole or its excerpt. */
    ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String reason) {
        byte[] value = record.value();
        boolean whole = value == null || value.length <= limits.valueBytes();
        byte[] payload = whole ? value : Arrays.copyOf(value, limits.valueBytes());
        return letter(record, reason, payload, value == null ? "none" : whole ? "whole" : "excerpt");
    }

    /**
     * A small letter with no value, only the headers: for a record whose own dead letter or verdict the broker
     * refused, so that nothing about it can make the letter too large.
     */
    ProducerRecord<String, byte[]> reasonOnly(ConsumerRecord<String, byte[]> record, String reason) {
        return letter(record, reason, new byte[0], "none");
    }

    private ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> record, String reason, byte[] payload,
                                                  String kind) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic,
                RecordLimits.cut(record.key(), RecordLimits.KEY_BYTES), payload);
        letter.headers().add(DeadLetterHeaders.REASON, bytes(RecordLimits.cut(reason, RecordLimits.REASON_BYTES)));
        letter.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(record.topic()));
        letter.headers().add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())));
        letter.headers().add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())));
        if (record.value() != null) {
            letter.headers().add(DeadLetterHeaders.ORIGINAL_SIZE, bytes(String.valueOf(record.value().length)));
            letter.headers().add(DeadLetterHeaders.ORIGINAL_SHA256, bytes(sha256(record.value())));
        }
        letter.headers().add(DeadLetterHeaders.PAYLOAD, bytes(kind));
        return letter;
    }

    static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
