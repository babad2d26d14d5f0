package io.textprovenance.deploy;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The objects of one rendering (a Helm values file or a kustomize overlay), strictly parsed.
 *
 * @param source what was rendered, for messages ("helm: ci/gpu-values.yaml", "kustomize: overlays/cpu")
 * @param gpu whether this rendering is the GPU mode
 * @param objects every object, in rendering order
 */
record Manifests(String source, boolean gpu, List<HasMetadata> objects) {

    Manifests {
        objects = List.copyOf(objects);
    }

    static Manifests parse(String source, boolean gpu, String yaml) {
        return new Manifests(source, gpu, StrictManifests.parse(yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type) {
        List<T> found = all(type);
        if (found.size() > 1) {
            throw new AssertionError(source + " renders " + found.size() + " " + type.getSimpleName() + "s");
        }
        return found.stream().findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        return find(type).orElseThrow(() -> new AssertionError(source + " renders no " + type.getSimpleName()));
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    Deployment deployment() {
        return one(Deployment.class);
    }

    PodSpec podSpec() {
        return deployment().getSpec().getTemplate().getSpec();
    }

    Container detectorContainer() {
        return podSpec().getContainers().stream().filter(c -> c.getName().equals("detector")).findFirst()
                .orElseThrow(() -> new AssertionError(source + ": no container named detector"));
    }

    /** Every container of the pod, init containers included. */
    List<Container> allContainers() {
        PodSpec spec = podSpec();
        return java.util.stream.Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).toList();
    }

    ConfigMap configMap() {
        return one(ConfigMap.class);
    }

    @Override
    public String toString() {
        return source;
    }
}
