package io.textprovenance.service.ingest;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** "kafka" health: the cluster answers within 3 s (only when the pipeline is enabled). */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator implements HealthIndicator {

    private final KafkaAdmin admin;
    private final IngestProperties properties;

    KafkaHealthIndicator(KafkaAdmin admin, IngestProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("pipeline", "disabled").build();
        }
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            String cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).clusterId()
                    .get(4, TimeUnit.SECONDS);
            return Health.up().withDetail("clusterId", cluster).withDetail("topic", properties.documents()).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", "Kafka cluster not reachable").build();
        }
    }
}
