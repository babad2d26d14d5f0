package io.textprovenance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One consumer group everywhere (issue 12, item 4): the service's default (spring.kafka.consumer.group-id in
 * application.yml), the chart's ConfigMap, the kustomize base and KEDA's lag trigger name the same group, and the
 * chart derives both of its mentions from the one value detector.kafka.consumerGroupId.
 */
class ConsumerGroupTests {

    private static final Path APPLICATION_YML = Path.of("..", "detector-service", "src", "main", "resources",
            "application.yml");
    private static final Path KUSTOMIZE_CONFIG_MAP = Path.of("..", "k8s", "base", "configmap.yaml");

    @Test
    void shouldNameTheServicesDefaultGroupInTheChartAndTheKustomizeBase() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        String serviceDefault = yaml.readTree(APPLICATION_YML.toFile()).at("/spring/kafka/consumer/group-id").asText();
        String kustomize = yaml.readTree(KUSTOMIZE_CONFIG_MAP.toFile()).at("/data/SPRING_KAFKA_CONSUMER_GROUP_ID").asText();

        assertThat(serviceDefault).isNotBlank();
        assertThat(Renderings.helmDefaults().configMap().getData()).containsEntry("SPRING_KAFKA_CONSUMER_GROUP_ID",
                serviceDefault);
        assertThat(kustomize).isEqualTo(serviceDefault);
        assertThat(consumerGroups(Renderings.helmCi("keda-values.yaml"))).containsOnly(serviceDefault);
    }

    @Test
    void shouldDeriveTheConfigMapAndTheKedaTriggerFromOneChartValue() {
        Manifests manifests = Manifests.parse("helm: keda + consumerGroupId", false, Renderings.template(
                Map.of("detector.kafka.consumerGroupId", "scoring-team"),
                Renderings.CHART.resolve("ci").resolve("keda-values.yaml")));

        assertThat(manifests.configMap().getData()).containsEntry("SPRING_KAFKA_CONSUMER_GROUP_ID", "scoring-team");
        assertThat(consumerGroups(manifests)).containsOnly("scoring-team");
    }

    private static List<Object> consumerGroups(Manifests manifests) {
        List<GenericKubernetesResource> scaledObjects = manifests.generic("ScaledObject");
        assertThat(scaledObjects).isNotEmpty();
        return scaledObjects.stream().flatMap(scaledObject -> scaledObject.<List<Map<String, Object>>>get("spec",
                "triggers").stream()).map(trigger -> ((Map<?, ?>) trigger.get("metadata")).get("consumerGroup"))
                .map(Object.class::cast).toList();
    }
}
