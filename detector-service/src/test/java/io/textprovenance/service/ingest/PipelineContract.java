package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What the pipeline promises, against whatever broker the subclass provides: N documents in, exactly N
 * verdicts out keyed by id; every invalid record in documents.DLT with its reason and origin; nothing else.
 */
abstract class PipelineContract {

    static final String TEXT = "The committee met on Tuesday to discuss the budget for the coming year. ";

    abstract String bootstrapServers();

    @Test
    void shouldTurnEveryDocumentIntoOneVerdictAndDeadLetterEveryInvalidRecord() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> ids = new HashSet<>();
        Map<String, byte[]> invalid = new HashMap<>();
        invalid.put(run + "-not-json", "this is not json".getBytes(StandardCharsets.UTF_8));
        invalid.put(run + "-no-text", "{\"id\": \"x\", \"body\": \"no text field\"}".getBytes(StandardCharsets.UTF_8));
        invalid.put(run + "-too-large", ("{\"text\": \"" + "word ".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8));
        invalid.put(run + "-not-utf8", new byte[] {'{', '"', 't', '"', ':', (byte) 0xff, (byte) 0xfe, '}'});
        invalid.put(run + "-empty-text", "{\"text\": \"\"}".getBytes(StandardCharsets.UTF_8));
        // the same rules as REST (issue 12, item 6): strict JSON types, bounded ids
        invalid.put(run + "-text-number", "{\"text\": 42}".getBytes(StandardCharsets.UTF_8));
        invalid.put(run + "-explain-yes", ("{\"text\": \"" + TEXT + "\", \"explain\": \"yes\"}").getBytes(StandardCharsets.UTF_8));
        invalid.put(run + "-explain-null", ("{\"text\": \"" + TEXT + "\", \"explain\": null}").getBytes(StandardCharsets.UTF_8));
        invalid.put(run + "-long-id", ("{\"id\": \"" + "x".repeat(300) + "\", \"text\": \"" + TEXT + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < 12; i++) {
                String id = run + "-doc-" + i;
                ids.add(id);
                String body = "{\"id\": \"" + id + "\", \"text\": \"" + TEXT.repeat(1 + i % 4) + "\"}";
                producer.send(new ProducerRecord<>("documents", id, body.getBytes(StandardCharsets.UTF_8)));
            }
            ids.add(run + "-emoji");   // no letters or digits: a verdict, "uncertain"
            producer.send(new ProducerRecord<>("documents", run + "-emoji", ("{\"id\": \"" + run + "-emoji\", \"text\":"
                    + " \"\\ud83d\\ude00\\ud83c\\udf89 !!! ... ??? \\ud83d\\ude80\"}").getBytes(StandardCharsets.UTF_8)));
            invalid.forEach((key, value) -> producer.send(new ProducerRecord<>("documents", key, value)));
            producer.flush();
        }
        List<ConsumerRecord<String, byte[]>> verdicts = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of("verdicts", "documents.DLT"));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(run)) {
                        (record.topic().equals("verdicts") ? verdicts : deadLetters).add(record);
                    }
                }
                return verdicts.size() >= ids.size() && deadLetters.size() >= invalid.size();
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (record.key() != null && record.key().startsWith(run)) {
                    (record.topic().equals("verdicts") ? verdicts : deadLetters).add(record);
                }
            });
        }
        assertThat(verdicts).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        for (ConsumerRecord<String, byte[]> verdict : verdicts) {
            assertThat(new String(verdict.value(), StandardCharsets.UTF_8)).contains("\"id\":\"" + verdict.key() + "\"",
                    "\"label\":");
        }
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(invalid.keySet());
        for (ConsumerRecord<String, byte[]> letter : deadLetters) {
            assertThat(header(letter, DeadLetterHeaders.REASON)).isNotBlank();
            assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("documents");
            assertThat(Long.parseLong(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))).isNotNegative();
            assertThat(letter.value()).isEqualTo(invalid.get(letter.key()));
        }
        assertThat(header(find(deadLetters, run + "-not-json"), DeadLetterHeaders.REASON)).contains("not JSON");
        assertThat(header(find(deadLetters, run + "-no-text"), DeadLetterHeaders.REASON)).contains("text");
        assertThat(header(find(deadLetters, run + "-too-large"), DeadLetterHeaders.REASON)).contains("limit");
        assertThat(header(find(deadLetters, run + "-not-utf8"), DeadLetterHeaders.REASON)).contains("UTF-8");
        assertThat(header(find(deadLetters, run + "-text-number"), DeadLetterHeaders.REASON)).contains("field 'text'");
        assertThat(header(find(deadLetters, run + "-explain-yes"), DeadLetterHeaders.REASON)).contains("field 'explain'");
        assertThat(header(find(deadLetters, run + "-explain-null"), DeadLetterHeaders.REASON)).contains("field 'explain'");
        assertThat(header(find(deadLetters, run + "-long-id"), DeadLetterHeaders.REASON))
                .contains("id: must be at most 256 characters");
        assertThat(new String(find(verdicts, run + "-emoji").value(), StandardCharsets.UTF_8))
                .contains("\"label\":\"uncertain\"", "\"policy\":\"no-content\"");
    }

    /** Sends {@code count} valid documents keyed {@code run-i}. */
    void send(String run, int count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < count; i++) {
                String id = run + "-" + i;
                producer.send(new ProducerRecord<>("documents", id,
                        ("{\"id\": \"" + id + "\", \"text\": \"" + TEXT + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Verdict keys starting with {@code run}, polled until {@code expected} arrived or the time is up. */
    List<String> collect(String run, Duration within, int expected) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "collect-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of("verdicts"));
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end && keys.size() < expected) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(run)) {
                        keys.add(record.key());
                    }
                });
            }
        }
        return keys;
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
