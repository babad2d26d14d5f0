package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Dead letters fit the producer's limit whatever the original was. */
class DeadLettersTests {

    private final RecordLimits limits = new RecordLimits(1024 * 1024);
    private final DeadLetters deadLetters = new DeadLetters("documents.DLT", limits);

    @Test
    void shouldCarryABoundedExcerptWithTheOriginalsSizeAndDigest() {
        byte[] original = "x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);   // e.g. gzip on the wire
        ProducerRecord<String, byte[]> letter = deadLetters.of(new ConsumerRecord<>("documents", 2, 41L, "k", original),
                "document is 3145728 bytes; the limit is 1048576 bytes");

        assertThat(letter.topic()).isEqualTo("documents.DLT");
        assertThat(letter.value()).hasSize(limits.valueBytes()).isEqualTo(Arrays.copyOf(original, limits.valueBytes()));
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo("3145728");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_SHA256)).isEqualTo(DeadLetters.sha256(original)).hasSize(64);
        assertThat(header(letter, DeadLetterHeaders.PAYLOAD)).isEqualTo("excerpt");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("documents");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("41");
        assertThat(header(letter, DeadLetterHeaders.REASON)).contains("limit");
        assertThat(size(letter)).isLessThan(limits.maxRecordSize() - 4096);
    }

    @Test
    void shouldKeepASmallOriginalWholeAndCutAHugeKeyAndReason() {
        byte[] original = "{\"text\": 42}".getBytes(StandardCharsets.UTF_8);
        String key = "é".repeat(10_000);
        ProducerRecord<String, byte[]> letter = deadLetters.of(new ConsumerRecord<>("documents", 0, 7L, key, original),
                "r".repeat(50_000));

        assertThat(letter.value()).isEqualTo(original);
        assertThat(header(letter, DeadLetterHeaders.PAYLOAD)).isEqualTo("whole");
        assertThat(letter.key().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RecordLimits.KEY_BYTES);
        assertThat(letter.key()).matches("é+");   // cut between characters, not inside one
        assertThat(header(letter, DeadLetterHeaders.REASON)).hasSize(RecordLimits.REASON_BYTES);
    }

    @Test
    void shouldWriteAReasonOnlyLetterWithoutAValue() {
        ProducerRecord<String, byte[]> letter = deadLetters.reasonOnly(
                new ConsumerRecord<>("documents", 1, 3L, "k", new byte[5_000_000]), "could not publish its verdict");

        assertThat(letter.value()).isEmpty();
        assertThat(header(letter, DeadLetterHeaders.PAYLOAD)).isEqualTo("none");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_SIZE)).isEqualTo("5000000");
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int size(ProducerRecord<String, byte[]> record) {
        int size = record.value().length + record.key().getBytes(StandardCharsets.UTF_8).length;
        for (var header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }
}
