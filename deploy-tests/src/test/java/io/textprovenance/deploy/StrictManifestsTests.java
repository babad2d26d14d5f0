package io.textprovenance.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict parser itself: what the chart and overlay checks rely on to catch a mistyped field. */
class StrictManifestsTests {

    private static String deployment(String containerExtra) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: detector
                spec:
                  selector:
                    matchLabels: {app: detector}
                  template:
                    metadata:
                      labels: {app: detector}
                    spec:
                      containers:
                        - name: detector
                          image: detector-service:0.1.0
                """ + containerExtra;
    }

    @Test
    void shouldBindAValidDeploymentToItsTypedClass() {
        assertThat(StrictManifests.parse(deployment(""))).singleElement().isInstanceOf(Deployment.class);
    }

    @Test
    void shouldFailOnAnUnknownFieldNamingItsPath() {
        String yaml = deployment("""
                          securityContext:
                            readOnlyRootFileSystem: true
                """);

        assertThatThrownBy(() -> StrictManifests.parse(yaml)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("readOnlyRootFileSystem")
                .hasMessageContaining("Deployment/detector.spec.template.spec.containers[0].securityContext");
    }

    @Test
    void shouldFailOnAStringWhereTheModelWantsABoolean() {
        String yaml = deployment("""
                          securityContext:
                            runAsNonRoot: "yes"
                """);

        assertThatThrownBy(() -> StrictManifests.parse(yaml)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("runAsNonRoot");
    }

    @Test
    void shouldFailOnADuplicateKey() {
        String yaml = deployment("""
                          image: detector-service:0.2.0
                """);

        assertThatThrownBy(() -> StrictManifests.parse(yaml)).hasMessageContaining("image");
    }

    @Test
    void shouldBindAnUnmodelledCustomResourceGenerically() {
        String yaml = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: detector
                spec:
                  scaleTargetRef: {name: detector}
                ---
                """;

        assertThat(StrictManifests.parse(yaml)).singleElement().isInstanceOf(GenericKubernetesResource.class);
        assertThat(StrictManifests.isModelled("keda.sh/v1alpha1", "ScaledObject")).isFalse();
        assertThat(StrictManifests.isModelled("apps/v1", "Deployment")).isTrue();
    }

    @Test
    void shouldCheckTheMetadataOfACustomResource() {
        String yaml = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: detector
                  label: {release: prometheus}
                spec: {}
                """;

        assertThatThrownBy(() -> StrictManifests.parse(yaml)).hasMessageContaining("label")
                .hasMessageContaining("ServiceMonitor/detector.metadata");
    }
}
