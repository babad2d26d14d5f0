package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The pipeline against spring-kafka's in-process KRaft broker (runs everywhere). */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "detector.security.enabled=false",
        "detector.verdict.max-document-size=2KB",
        "detector.kafka.concurrency=2",
        "detector.kafka.max-record-size=32KB",
        "spring.kafka.consumer.group-id=pipeline-under-test"})
@EmbeddedKafka(partitions = 3, topics = {"documents", "verdicts", "documents.DLT"})
class EmbeddedKafkaPipelineTests extends PipelineContract {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConsumerProgress progress;

    @Autowired
    org.springframework.kafka.core.ProducerFactory<String, byte[]> producerFactory;

    /**
     * Issue 12, item 4: the listener commits in the group spring.kafka.consumer.group-id names (the group the chart,
     * kustomize and KEDA's lag trigger name), not in one named after the listener id.
     */
    @Test
    void shouldCommitOffsetsInTheConfiguredConsumerGroup() throws Exception {
        String run = "group-" + UUID.randomUUID().toString().substring(0, 6);
        send(run, 3);
        assertThat(collect(run, Duration.ofSeconds(60), 3)).hasSize(3);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin
                    .listConsumerGroupOffsets("pipeline-under-test").partitionsToOffsetAndMetadata().get())
                    .isNotEmpty()
                    .allSatisfy((partition, offset) -> assertThat(partition.topic()).isEqualTo("documents"))
                    .anySatisfy((partition, offset) -> assertThat(offset.offset()).isPositive()));
            assertThat(admin.listConsumerGroupOffsets(DocumentListener.LISTENER_ID).partitionsToOffsetAndMetadata().get())
                    .as("no group named after the listener id").isEmpty();
        }
        assertThat(progress.lastCompleted()).as("the listener reports its progress").isPresent();
        assertThat(progress.stalled()).isFalse();
    }

    @Test
    void shouldSetTheProducersMaxRequestSizeFromTheOneProperty() {
        assertThat(producerFactory.getConfigurationProperties())
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024);
    }

    @Override
    String bootstrapServers() {
        return brokers;
    }

    /**
     * Issue 12, item 2: a gzip-compressed document far over the producer's limit once decompressed, and a valid
     * document whose explain verdict would exceed it, on one partition ahead of valid documents. Both are
     * dead-lettered (a bounded excerpt with the original's size and digest; the reason), and the documents behind
     * them still get their verdicts: the partition does not stall.
     */
    @Test
    void shouldDeadLetterOversizedRecordsWithinTheLimitAndKeepThePartitionMoving() throws Exception {
        String run = "big-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] huge = ("{\"id\": \"" + run + "-gzip\", \"text\": \"" + "word ".repeat(300_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] explain = ("{\"id\": \"" + run + "-explain\", \"explain\": true, \"text\": \"" + TEXT.repeat(25)
                + "\"}").getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("documents", 0, run + "-gzip", huge));
            producer.send(new ProducerRecord<>("documents", 0, run + "-explain", explain));
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("documents", 0, run + "-" + i, ("{\"id\": \"" + run + "-" + i
                        + "\", \"text\": \"" + TEXT + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        Map<String, ConsumerRecord<String, byte[]>> verdicts = new HashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> letters = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "big-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of("verdicts", "documents.DLT"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(run)) {
                        (record.topic().equals("verdicts") ? verdicts : letters).put(record.key(), record);
                    }
                }
                return verdicts.size() >= 3 && letters.size() >= 2;
            });
        }
        assertThat(verdicts).containsOnlyKeys(run + "-0", run + "-1", run + "-2");
        assertThat(letters).containsOnlyKeys(run + "-gzip", run + "-explain");
        ConsumerRecord<String, byte[]> gzip = letters.get(run + "-gzip");
        assertThat(gzip.value().length).isLessThanOrEqualTo(32 * 1024 - 8 * 1024);
        assertThat(gzip.value()).isEqualTo(java.util.Arrays.copyOf(huge, gzip.value().length));
        assertThat(header(gzip, "detector-dlt-original-size")).isEqualTo(String.valueOf(huge.length));
        assertThat(header(gzip, "detector-dlt-original-sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(huge)));
        assertThat(header(gzip, "detector-dlt-payload")).isEqualTo("excerpt");
        assertThat(header(gzip, DeadLetterHeaders.REASON)).contains("limit");
        assertThat(header(gzip, DeadLetterHeaders.ORIGINAL_OFFSET)).isNotBlank();
        ConsumerRecord<String, byte[]> tooMuchEvidence = letters.get(run + "-explain");
        assertThat(header(tooMuchEvidence, DeadLetterHeaders.REASON)).contains("explain evidence",
                "detector.kafka.max-record-size");
        assertThat(tooMuchEvidence.value()).isEqualTo(explain);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldPauseWhileTheCircuitIsOpenAndLoseNothing() throws Exception {
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 6);
        circuitBreakers.circuitBreaker("scorer").transitionToForcedOpenState();
        try {
            assertThat(listeners.getListenerContainer(DocumentListener.LISTENER_ID).isPauseRequested()).isTrue();
            send(run, 4);
            assertThat(collect(run, Duration.ofSeconds(4), 4)).isEmpty();
        } finally {
            circuitBreakers.circuitBreaker("scorer").transitionToClosedState();
        }
        assertThat(listeners.getListenerContainer(DocumentListener.LISTENER_ID).isPauseRequested()).isFalse();
        assertThat(collect(run, Duration.ofSeconds(90), 4)).hasSize(4);
    }
}
