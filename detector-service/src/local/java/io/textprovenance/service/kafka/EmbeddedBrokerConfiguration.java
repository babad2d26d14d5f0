package io.textprovenance.service.kafka;

import io.textprovenance.service.ingest.IngestProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
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
 *
 * <p>Compiled only into the jar run-service.sh runs (Maven profile {@code local}, target/local): it needs
 * spring-kafka-test, which the production jar does not carry.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnProperty(name = "spring.kafka.bootstrap-servers", matchIfMissing = true, havingValue = "embedded")
class EmbeddedBrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    /** The broker's loggers (and its clients'): Kafka's server code logs under "kafka", the rest "org.apache.kafka". */
    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka");

    @Bean(destroyMethod = "destroy")
    EmbeddedKafkaBroker embeddedKafkaBroker(IngestProperties properties, LoggingSystem logging) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, properties.partitions(), properties.documents(),
                properties.verdicts(), properties.deadLetter());
        broker.afterPropertiesSet();   // the KRaft test kit picks a free port; kafkaPorts(...) is not honoured
        log.info("Embedded Kafka broker listening at {} (topics {}, {}, {})", broker.getBrokersAsString(),
                properties.documents(), properties.verdicts(), properties.deadLetter());
        quietOnShutdown(logging);
        return broker;
    }

    /**
     * Kafka's test kit deletes the broker's temporary directory from a JVM shutdown hook of its own, which runs
     * alongside Spring's: the broker, closed a moment later, finds its log directory gone and logs pages of stack
     * traces about checkpoints it cannot write (harmless: the data is being thrown away with the directory). So
     * once the JVM shuts down, Kafka's loggers are off; Spring's own shutdown lines still show.
     */
    private static void quietOnShutdown(LoggingSystem logging) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> KAFKA_LOGGERS.forEach(name ->
                logging.setLogLevel(name, LogLevel.OFF)), "embedded-kafka-quiet"));
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.getBrokersAsString().split(","));
    }
}
