package io.textprovenance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants every rendering must keep: the chart with its default values and each ci/ values file, and the
 * kustomize overlays where kubectl is installed (KustomizeOverlaysTests reports the skip).
 */
class DeploymentInvariantsTests {

    private static final String GPU = "nvidia.com/gpu";
    private static final Pattern SECRET_NAMES = Pattern.compile("(?i).*(API_KEY|JAAS|PASSWORD).*");

    static Stream<Manifests> renderings() {
        Stream<Manifests> overlays = Renderings.kubectlAvailable() ? Renderings.kustomizeRenderings() : Stream.empty();
        return Stream.concat(Renderings.helmRenderings(), overlays);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldRunAsNonRootWithReadOnlyRootFilesystemAndNoCapabilities(Manifests manifests) {
        PodSpec pod = manifests.podSpec();
        PodSecurityContext podContext = pod.getSecurityContext();
        assertThat(podContext).as("%s pod securityContext", manifests).isNotNull();
        assertThat(podContext.getRunAsNonRoot()).as("%s pod runAsNonRoot", manifests).isTrue();
        assertThat(podContext.getRunAsUser()).as("%s pod runAsUser", manifests).isEqualTo(10001L);
        for (Container container : manifests.allContainers()) {
            SecurityContext context = container.getSecurityContext();
            String what = manifests + " container " + container.getName();
            assertThat(context).as("%s securityContext", what).isNotNull();
            assertThat(context.getRunAsNonRoot()).as("%s runAsNonRoot", what).isTrue();
            assertThat(context.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", what).isTrue();
            assertThat(context.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", what).isFalse();
            assertThat(context.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
            assertThat(context.getCapabilities()).as("%s capabilities", what).isNotNull();
            assertThat(context.getCapabilities().getDrop()).as("%s capabilities.drop", what).contains("ALL");
            assertThat(context.getCapabilities().getAdd()).as("%s capabilities.add", what).isEmpty();
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
            assertThat(seccomp).as("%s seccompProfile", what).isEqualTo("RuntimeDefault");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldGiveNativeLibrariesAWritableTmp(Manifests manifests) {
        Container container = manifests.detectorContainer();
        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError(manifests + ": no /tmp mount"));
        Volume volume = manifests.podSpec().getVolumes().stream().filter(v -> v.getName().equals(tmp.getName()))
                .findFirst().orElseThrow();
        assertThat(volume.getEmptyDir()).as("%s /tmp is an emptyDir", manifests).isNotNull();
        Map<String, String> env = literalEnv(container);
        assertThat(env.get("JAVA_TOOL_OPTIONS")).as("%s JAVA_TOOL_OPTIONS", manifests).contains("-Djava.io.tmpdir=/tmp");
        assertThat(env.get("DJL_CACHE_DIR")).as("%s DJL_CACHE_DIR", manifests).startsWith("/tmp");
        assertThat(env.get("HOME")).as("%s HOME", manifests).isEqualTo("/tmp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldProbeTheActuatorHealthGroups(Manifests manifests) {
        Container container = manifests.detectorContainer();
        assertThat(container.getPorts()).as("%s ports", manifests)
                .anySatisfy(port -> {
                    assertThat(port.getName()).isEqualTo("http");
                    assertThat(port.getContainerPort()).isEqualTo(8080);
                });
        assertHttpProbe(manifests, "startupProbe", container.getStartupProbe(), "/actuator/health/liveness");
        assertHttpProbe(manifests, "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness");
        assertHttpProbe(manifests, "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldSetRequestsAndLimitsOnEveryContainer(Manifests manifests) {
        for (Container container : manifests.allContainers()) {
            ResourceRequirements resources = container.getResources();
            String what = manifests + " container " + container.getName();
            assertThat(resources).as("%s resources", what).isNotNull();
            assertThat(resources.getRequests()).as("%s requests", what).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as("%s limits", what).containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                    .as("%s memory limit >= request", what)
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(resources.getRequests().get("memory")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldRequestAGpuOnlyInGpuMode(Manifests manifests) {
        Container container = manifests.detectorContainer();
        String device = effectiveEnv(manifests).get("DETECTOR_SCORING_DEVICE");
        if (manifests.gpu()) {
            assertThat(container.getResources().getLimits()).as("%s GPU limit", manifests).containsKey(GPU);
            assertThat(container.getResources().getLimits().get(GPU).getAmount()).isEqualTo("1");
            assertThat(device).as("%s scoring device", manifests).isEqualTo("cuda");
            assertThat(container.getImage()).as("%s image", manifests).endsWith("-cuda");
            assertThat(manifests.podSpec().getNodeSelector()).as("%s nodeSelector", manifests).isNotEmpty();
            assertThat(manifests.podSpec().getTolerations()).as("%s tolerations", manifests)
                    .anySatisfy(t -> assertThat(t.getKey()).isEqualTo(GPU));
        } else {
            for (Container any : manifests.allContainers()) {
                assertThat(any.getResources().getLimits()).as("%s GPU limit", manifests).doesNotContainKey(GPU);
                assertThat(any.getResources().getRequests()).as("%s GPU request", manifests).doesNotContainKey(GPU);
            }
            assertThat(device).as("%s scoring device", manifests).isNotEqualTo("cuda");
            assertThat(container.getImage()).as("%s image", manifests).doesNotEndWith("-cuda");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldShareOneConsumerGroupAcrossAllReplicas(Manifests manifests) {
        assertThat(manifests.all(StatefulSet.class)).as("%s: replicas are interchangeable (no StatefulSet)", manifests)
                .isEmpty();
        ConfigMap configMap = manifests.configMap();
        String group = configMap.getData().get("SPRING_KAFKA_CONSUMER_GROUP_ID");
        assertThat(group).as("%s consumer group id in the ConfigMap", manifests).isNotBlank();
        Container container = manifests.detectorContainer();
        assertThat(container.getEnvFrom()).as("%s envFrom", manifests).anySatisfy(source -> {
            assertThat(source.getConfigMapRef()).isNotNull();
            assertThat(source.getConfigMapRef().getName()).isEqualTo(configMap.getMetadata().getName());
        });
        assertThat(container.getEnv()).as("%s: no per-pod consumer group or instance id", manifests)
                .noneMatch(env -> env.getName().contains("GROUP_ID") || env.getName().contains("GROUP_INSTANCE"));
        assertThat(container.getEnv()).as("%s: no env taken from the pod's own fields", manifests)
                .noneMatch(env -> env.getValueFrom() != null && env.getValueFrom().getFieldRef() != null);
        for (GenericKubernetesResource scaledObject : manifests.generic("ScaledObject")) {
            List<Map<String, Object>> triggers = scaledObject.get("spec", "triggers");
            assertThat(triggers).as("%s KEDA triggers", manifests).allSatisfy(trigger ->
                    assertThat(((Map<?, ?>) trigger.get("metadata")).get("consumerGroup")).isEqualTo(group));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldTakeApiKeysOnlyFromASecret(Manifests manifests) {
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet()).as("%s ConfigMap keys", manifests)
                    .noneMatch(key -> SECRET_NAMES.matcher(key).matches());
        }
        for (Container container : manifests.allContainers()) {
            for (EnvVar env : container.getEnv()) {
                if (SECRET_NAMES.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as("%s literal %s", manifests, env.getName()).isNull();
                    assertThat(env.getValueFrom()).as("%s %s", manifests, env.getName()).isNotNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as("%s %s", manifests, env.getName()).isNotNull();
                }
            }
        }
        List<String> secretRefs = manifests.detectorContainer().getEnvFrom().stream()
                .map(EnvFromSource::getSecretRef).filter(Objects::nonNull).map(ref -> ref.getName()).toList();
        assertThat(secretRefs).as("%s: API keys come from a Secret via envFrom", manifests).isNotEmpty();
        for (Secret secret : manifests.all(Secret.class)) {
            assertThat(secretRefs).as("%s: rendered Secret is used", manifests).contains(secret.getMetadata().getName());
            secret.getData().forEach((key, value) -> assertThat(Base64.getDecoder().decode(value))
                    .as("%s Secret %s", manifests, key).isNotEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldScaleWithEitherTheHpaOrKedaNeverBoth(Manifests manifests) {
        boolean keda = !manifests.generic("ScaledObject").isEmpty();
        List<HorizontalPodAutoscaler> hpas = manifests.all(HorizontalPodAutoscaler.class);
        assertThat(hpas.size() + manifests.generic("ScaledObject").size()).as("%s scalers", manifests).isEqualTo(1);
        if (keda) {
            assertThat(hpas).as("%s: no HPA when KEDA scales", manifests).isEmpty();
        }
        assertThat(manifests.deployment().getSpec().getReplicas()).as("%s: the scaler owns spec.replicas", manifests)
                .isNull();
        int partitions = Integer.parseInt(manifests.configMap().getData().get("DETECTOR_KAFKA_PARTITIONS"));
        hpas.forEach(hpa -> assertThat(hpa.getSpec().getMaxReplicas()).as("%s maxReplicas <= partitions", manifests)
                .isLessThanOrEqualTo(partitions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldAdmitIngressToPort8080Only(Manifests manifests) {
        NetworkPolicy policy = manifests.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).as("%s policy selects the pods", manifests)
                .isEqualTo(manifests.deployment().getSpec().getSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
        assertThat(policy.getSpec().getIngress()).as("%s ingress rules", manifests).isNotEmpty().allSatisfy(rule ->
                assertThat(rule.getPorts()).isNotEmpty().extracting(NetworkPolicyPort::getPort)
                        .allSatisfy(port -> assertThat(port.getIntVal()).isEqualTo(8080)));
    }

    private static void assertHttpProbe(Manifests manifests, String name, Probe probe, String path) {
        assertThat(probe).as("%s %s", manifests, name).isNotNull();
        assertThat(probe.getHttpGet()).as("%s %s httpGet", manifests, name).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s %s path", manifests, name).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s %s port", manifests, name).isEqualTo("http");
    }

    private static Map<String, String> literalEnv(Container container) {
        Map<String, String> env = new HashMap<>();
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    /** What the service sees: the ConfigMap (envFrom) overridden by the container's literal env. */
    static Map<String, String> effectiveEnv(Manifests manifests) {
        Map<String, String> env = new HashMap<>(manifests.configMap().getData());
        env.putAll(literalEnv(manifests.detectorContainer()));
        return env;
    }
}
