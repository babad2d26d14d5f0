package io.textprovenance.service.kafka;

import io.textprovenance.service.ingest.IngestProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The local profile's in-process KRaft broker, started only when no {@code spring.kafka.bootstrap-servers}
 * is configured: the README's run command then brings up REST and the Kafka path on one machine. Its
 * address is published as {@link KafkaConnectionDetails}, which Spring Boot's Kafka auto-configuration
 * prefers to properties. Spring owns and destroys the broker.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnProperty(name = "spring.kafka.bootstrap-servers", matchIfMissing = true, havingValue = "embedded")
class EmbeddedBrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    @Bean(destroyMethod = "destroy")
    EmbeddedKafkaBroker embeddedKafkaBroker(IngestProperties properties) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, properties.partitions(), properties.documents(),
                properties.verdicts(), properties.deadLetter());
        broker.afterPropertiesSet();   // the KRaft test kit picks a free port; kafkaPorts(...) is not honoured
        log.info("Embedded Kafka broker listening at {} (topics {}, {}, {})", broker.getBrokersAsString(),
                properties.documents(), properties.verdicts(), properties.deadLetter());
        return broker;
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.getBrokersAsString().split(","));
    }
}
