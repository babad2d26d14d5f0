package io.textprovenance.service.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same contract against a real Kafka in a container; skipped where no Docker engine runs. */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "detector.security.enabled=false",
        "detector.verdict.max-document-size=2KB"})
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaPipelineTests extends PipelineContract {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:3.8.0");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
