package io.textprovenance.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kustomize base and overlays: strict parsing of {@code kubectl kustomize} output and equivalence with the
 * chart's defaults (cpu) and its GPU values (gpu). Skipped, not failed, where kubectl is not installed.
 */
class KustomizeOverlaysTests {

    private static void assumeKubectl() {
        assumeTrue(Renderings.kubectlAvailable(), "kubectl is not on the PATH: kustomize checks skipped");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldBuildEveryOverlayIntoTypedObjects(String overlay) {
        assumeKubectl();
        Manifests manifests = Renderings.kustomize(overlay);

        assertThat(manifests.objects()).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount",
                "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
        assertThat(manifests.objects()).noneMatch(GenericKubernetesResource.class::isInstance);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"cpu", "gpu"})
    void shouldNotApplyTheSecretExample(String overlay) {
        assumeKubectl();

        assertThat(Renderings.kustomize(overlay).all(Secret.class)).isEmpty();
    }

    @Test
    void shouldKeepTheSecretExampleAValidSecret() throws IOException {
        String yaml = Files.readString(Path.of("..", "k8s", "base", "secret.example.yaml"));

        assertThat(StrictManifests.parse(yaml)).singleElement().isInstanceOfSatisfying(Secret.class, secret -> {
            assertThat(secret.getMetadata().getName()).isEqualTo("detector");
            assertThat(secret.getStringData()).containsKey("DETECTOR_SECURITY_API_KEYS");
        });
    }

    @Test
    void shouldMatchTheChartDefaultsInTheCpuOverlay() {
        assumeKubectl();
        Manifests chart = Renderings.helmDefaults();
        Manifests overlay = Renderings.kustomize("cpu");

        assertThat(overlay.configMap().getData()).isEqualTo(chart.configMap().getData());
        assertSamePod(chart, overlay);
        assertThat(overlay.detectorContainer().getImage()).isEqualTo(chart.detectorContainer().getImage());
        assertThat(withoutDevice(overlay.detectorContainer().getEnv())).isEqualTo(chart.detectorContainer().getEnv());
        assertThat(DeploymentInvariantsTests.effectiveEnv(overlay))
                .isEqualTo(DeploymentInvariantsTests.effectiveEnv(chart));
        assertThat(overlay.one(Service.class).getSpec()).isEqualTo(chart.one(Service.class).getSpec());
        assertThat(overlay.one(HorizontalPodAutoscaler.class).getSpec())
                .isEqualTo(chart.one(HorizontalPodAutoscaler.class).getSpec());
        assertThat(overlay.one(PodDisruptionBudget.class).getSpec())
                .isEqualTo(chart.one(PodDisruptionBudget.class).getSpec());
        assertThat(overlay.one(NetworkPolicy.class).getSpec()).isEqualTo(chart.one(NetworkPolicy.class).getSpec());
    }

    @Test
    void shouldMatchTheChartGpuValuesInTheGpuOverlay() {
        assumeKubectl();
        Manifests chart = Renderings.helmCi("gpu-values.yaml");
        Manifests overlay = Renderings.kustomize("gpu");

        assertSamePod(chart, overlay);
        assertThat(overlay.detectorContainer().getImage()).isEqualTo(chart.detectorContainer().getImage());
        assertThat(overlay.podSpec().getNodeSelector()).isEqualTo(chart.podSpec().getNodeSelector());
        assertThat(overlay.podSpec().getTolerations()).isEqualTo(chart.podSpec().getTolerations());
        assertThat(DeploymentInvariantsTests.effectiveEnv(overlay).get("DETECTOR_SCORING_DEVICE")).isEqualTo("cuda");
        assertThat(DeploymentInvariantsTests.effectiveEnv(overlay))
                .isEqualTo(DeploymentInvariantsTests.effectiveEnv(chart));
    }

    /** Pod settings both renderings must share; labels, annotations and Secret names legitimately differ. */
    private static void assertSamePod(Manifests chart, Manifests overlay) {
        PodSpec expected = chart.podSpec();
        PodSpec actual = overlay.podSpec();
        assertThat(actual.getSecurityContext()).isEqualTo(expected.getSecurityContext());
        assertThat(actual.getVolumes()).isEqualTo(expected.getVolumes());
        assertThat(actual.getTerminationGracePeriodSeconds()).isEqualTo(expected.getTerminationGracePeriodSeconds());
        assertThat(actual.getAutomountServiceAccountToken()).isEqualTo(expected.getAutomountServiceAccountToken());
        Container want = chart.detectorContainer();
        Container got = overlay.detectorContainer();
        assertThat(got.getSecurityContext()).isEqualTo(want.getSecurityContext());
        assertThat(got.getResources()).isEqualTo(want.getResources());
        assertThat(got.getPorts()).isEqualTo(want.getPorts());
        assertThat(got.getVolumeMounts()).isEqualTo(want.getVolumeMounts());
        assertThat(got.getStartupProbe()).isEqualTo(want.getStartupProbe());
        assertThat(got.getLivenessProbe()).isEqualTo(want.getLivenessProbe());
        assertThat(got.getReadinessProbe()).isEqualTo(want.getReadinessProbe());
        assertThat(overlay.deployment().getSpec().getSelector()).isEqualTo(chart.deployment().getSpec().getSelector());
    }

    private static List<EnvVar> withoutDevice(List<EnvVar> env) {
        List<EnvVar> rest = new ArrayList<>(env);
        rest.removeIf(e -> e.getName().equals("DETECTOR_SCORING_DEVICE"));
        return rest;
    }
}
