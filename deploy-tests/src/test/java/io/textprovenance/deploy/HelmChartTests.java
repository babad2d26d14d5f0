package io.textprovenance.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart through the real Helm (helm-java): lint, template per values file, schema and guard rails. */
class HelmChartTests {

    private static final Set<String> CUSTOM_KINDS = Set.of("ScaledObject", "ServiceMonitor");

    @Test
    void shouldPassStrictLint() {
        LintResult result = Renderings.chart().lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    @Test
    void shouldRenderTheWorkloadWithDefaultValues() {
        Manifests manifests = Renderings.helmDefaults();

        assertThat(kinds(manifests)).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Deployment",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
        assertThat(manifests.detectorContainer().getImage()).isEqualTo("detector-service:0.1.0");
        assertThat(manifests.configMap().getData()).containsEntry("DETECTOR_SCORING_DEVICE", "cpu")
                .containsEntry("DETECTOR_SCORING_MODEL_DIR", "/app/models/default")
                .containsEntry("DETECTOR_SECURITY_ENABLED", "true");
        // No keys in values: the pre-install hook Secret <fullname>-api-key holds a generated one (helm template
        // leaves hooks out of its output, so only the reference shows).
        assertThat(secretRefs(manifests)).containsExactly("detector-api-key");
    }

    static List<String> ciValuesFiles() {
        return Renderings.CI_VALUES.keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValuesFiles")
    void shouldRenderEveryCiValuesFileIntoTypedObjects(String valuesFile) {
        Manifests manifests = Renderings.helmCi(valuesFile);

        assertThat(manifests.objects()).isNotEmpty();
        assertTypedUnlessCustom(manifests);
    }

    @Test
    void shouldBindBuiltInKindsOfTheDefaultRenderingToTypedClasses() {
        assertTypedUnlessCustom(Renderings.helmDefaults());
    }

    @Test
    void shouldRenderAKedaScaledObjectOnConsumerLagInsteadOfTheHpa() {
        Manifests manifests = Renderings.helmCi("keda-values.yaml");

        assertThat(manifests.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(manifests.generic("ScaledObject")).singleElement().satisfies(scaledObject -> {
            assertThat(scaledObject.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
            assertThat((String) scaledObject.get("spec", "scaleTargetRef", "name"))
                    .isEqualTo(manifests.deployment().getMetadata().getName());
            assertThat((Integer) scaledObject.get("spec", "maxReplicaCount")).isPositive().isLessThanOrEqualTo(
                    Integer.parseInt(manifests.configMap().getData().get("DETECTOR_KAFKA_PARTITIONS")));
            List<Map<String, Object>> triggers = scaledObject.get("spec", "triggers");
            assertThat(triggers).singleElement().satisfies(trigger -> {
                assertThat(trigger).containsEntry("type", "kafka");
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
                assertThat(metadata)
                        .containsEntry("topic", manifests.configMap().getData().get("DETECTOR_KAFKA_DOCUMENTS"))
                        .containsEntry("bootstrapServers",
                                manifests.configMap().getData().get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                        .containsEntry("lagThreshold", "100")
                        .containsEntry("allowIdleConsumers", "false");
            });
        });
    }

    @Test
    void shouldRenderAServiceMonitorForThePrometheusEndpoint() {
        Manifests manifests = Renderings.helmCi("servicemonitor-values.yaml");
        Service service = manifests.one(Service.class);

        assertThat(manifests.generic("ServiceMonitor")).singleElement().satisfies(monitor -> {
            assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            assertThat(endpoints).singleElement().satisfies(endpoint -> assertThat(endpoint)
                    .containsEntry("port", service.getSpec().getPorts().get(0).getName())
                    .containsEntry("path", "/actuator/prometheus"));
        });
    }

    @Test
    void shouldMountTheModelFromAPersistentVolumeClaimReadOnly() {
        Manifests manifests = Renderings.helmCi("model-pvc-values.yaml");

        assertThat(manifests.configMap().getData()).containsEntry("DETECTOR_SCORING_MODEL_DIR", "/models");
        Volume model = volume(manifests, "model");
        assertThat(model.getPersistentVolumeClaim().getClaimName()).isEqualTo("detector-models");
        assertThat(manifests.detectorContainer().getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/models");
            assertThat(mount.getReadOnly()).isTrue();
            assertThat(mount.getSubPath()).isEqualTo("default-1.0.0");
        });
    }

    @Test
    void shouldFetchTheModelWithAnInitContainerIntoAnEmptyDir() {
        Manifests manifests = Renderings.helmCi("model-init-values.yaml");

        assertThat(manifests.configMap().getData()).containsEntry("DETECTOR_SCORING_MODEL_DIR", "/models");
        assertThat(volume(manifests, "model").getEmptyDir()).isNotNull();
        assertThat(manifests.podSpec().getInitContainers()).singleElement().satisfies(init -> {
            assertThat(init.getImage()).isEqualTo("curlimages/curl:8.11.1");
            assertThat(init.getEnv()).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo("MODEL_DIR");
                assertThat(env.getValue()).isEqualTo("/models");
            });
            assertThat(init.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getName()).isEqualTo("model"));
        });
    }

    @Test
    void shouldPutApiKeysAndTheJaasLineFromValuesIntoTheChartsSecret() {
        Manifests manifests = Renderings.helmCi("secret-values.yaml");

        Secret secret = manifests.one(Secret.class);
        assertThat(secret.getData()).containsOnlyKeys("DETECTOR_SECURITY_API_KEYS",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(decode(secret, "DETECTOR_SECURITY_API_KEYS")).isEqualTo("ci-key-one,ci-key-two");
        assertThat(secretRefs(manifests)).containsExactly(secret.getMetadata().getName());
        assertThat(manifests.configMap().getData()).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
    }

    @Test
    void shouldRenderNoSecretWhenAnExistingSecretIsNamed() {
        Manifests manifests = Manifests.parse("existingSecret", false,
                Renderings.template(Map.of("secret.existingSecret", "detector-keys")));

        assertThat(manifests.all(Secret.class)).isEmpty();
        assertThat(secretRefs(manifests)).containsExactly("detector-keys");
    }

    @Test
    void shouldSetReplicasOnlyWhenNoAutoscalerIsEnabled() {
        Manifests manifests = Manifests.parse("fixed replicas", false,
                Renderings.template(Map.of("autoscaling.enabled", "false", "replicaCount", "2")));

        assertThat(manifests.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(manifests.one(Deployment.class).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void shouldRejectValuesOutsideTheSchema() {
        assertThatThrownBy(() -> Renderings.template(Map.of("detector.scoring.device", "gpu")))
                .hasMessageContaining("device");
        assertThatThrownBy(() -> Renderings.template(Map.of("securityContext.readOnlyRootFilesystem", "false")))
                .hasMessageContaining("readOnlyRootFilesystem");
        assertThatThrownBy(() -> Renderings.template(Map.of("autoscaling.maxReplicas", "0")))
                .hasMessageContaining("maxReplicas");
    }

    @Test
    void shouldRefuseAPersistentVolumeClaimAndAnInitContainerTogether() {
        assertThatThrownBy(() -> Renderings.template(Map.of(), Renderings.CHART.resolve("ci/model-pvc-values.yaml"),
                Renderings.CHART.resolve("ci/model-init-values.yaml")))
                .hasMessageContaining("exclusive");
    }

    private static void assertTypedUnlessCustom(Manifests manifests) {
        for (HasMetadata object : manifests.objects()) {
            if (CUSTOM_KINDS.contains(object.getKind())) {
                assertThat(object).as("%s %s", manifests, object.getKind()).isInstanceOf(GenericKubernetesResource.class);
                assertThat(object.getMetadata().getName()).isNotBlank();
                assertThat(((GenericKubernetesResource) object).getAdditionalProperties()).containsKey("spec");
            } else {
                assertThat(object).as("%s %s binds to its fabric8 class", manifests, object.getKind())
                        .isNotInstanceOf(GenericKubernetesResource.class);
                assertThat(object.getMetadata().getLabels()).as("%s %s labels", manifests, object.getKind())
                        .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/instance", "helm.sh/chart");
            }
        }
    }

    private static List<String> kinds(Manifests manifests) {
        return manifests.objects().stream().map(HasMetadata::getKind).toList();
    }

    static List<String> secretRefs(Manifests manifests) {
        Container container = manifests.detectorContainer();
        return container.getEnvFrom().stream().map(EnvFromSource::getSecretRef).filter(ref -> ref != null)
                .map(ref -> ref.getName()).collect(Collectors.toList());
    }

    private static Volume volume(Manifests manifests, String name) {
        return manifests.podSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(manifests + ": no volume " + name));
    }

    private static String decode(Secret secret, String key) {
        return new String(java.util.Base64.getDecoder().decode(secret.getData().get(key)),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
