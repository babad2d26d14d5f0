package io.textprovenance.service.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The pipeline against spring-kafka's in-process KRaft broker (runs everywhere). */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "detector.security.enabled=false",
        "detector.verdict.max-document-size=2KB",
        "detector.kafka.concurrency=2"})
@EmbeddedKafka(partitions = 3, topics = {"documents", "verdicts", "documents.DLT"})
class EmbeddedKafkaPipelineTests extends PipelineContract {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Override
    String bootstrapServers() {
        return brokers;
    }
}
