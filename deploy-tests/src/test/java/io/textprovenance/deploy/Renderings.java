package io.textprovenance.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * Renders the chart with helm-java (the real Helm, as a native library: no helm binary, no cluster) and the
 * overlays with {@code kubectl kustomize}. Maven runs the tests from the module directory, so the chart is
 * {@code ../helm/detector} and the overlays {@code ../k8s/overlays/*}. Renderings are cached per JVM.
 */
final class Renderings {

    static final Path CHART = Path.of("..", "helm", "detector");
    static final Path OVERLAYS = Path.of("..", "k8s", "overlays");
    static final String RELEASE = "detector";
    static final String NAMESPACE = "detection";

    /** The chart's ci/ values files, by name, and whether each is the GPU mode. */
    static final Map<String, Boolean> CI_VALUES = Map.of(
            "gpu-values.yaml", true,
            "keda-values.yaml", false,
            "servicemonitor-values.yaml", false,
            "secret-values.yaml", false,
            "model-pvc-values.yaml", false,
            "model-init-values.yaml", false);

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();

    private Renderings() {
    }

    static Helm chart() {
        return new Helm(CHART);
    }

    /** The chart with its default values plus {@code sets} (key=value pairs, as helm --set). */
    static String template(Map<String, Object> sets, Path... valuesFiles) {
        TemplateCommand template = chart().template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    static Manifests helmDefaults() {
        return CACHE.computeIfAbsent("helm: values.yaml", source -> Manifests.parse(source, false, template(Map.of())));
    }

    static Manifests helmCi(String valuesFile) {
        boolean gpu = CI_VALUES.get(valuesFile);
        return CACHE.computeIfAbsent("helm: ci/" + valuesFile, source -> Manifests.parse(source, gpu,
                template(Map.of(), CHART.resolve("ci").resolve(valuesFile))));
    }

    /** The default rendering and one per ci/ values file. */
    static Stream<Manifests> helmRenderings() {
        List<Manifests> all = new ArrayList<>();
        all.add(helmDefaults());
        CI_VALUES.keySet().stream().sorted().map(Renderings::helmCi).forEach(all::add);
        return all.stream();
    }

    static boolean kubectlAvailable() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).anyMatch(Files::isExecutable);
    }

    /** {@code kubectl kustomize k8s/overlays/<overlay>}; callers first assume {@link #kubectlAvailable()}. */
    static Manifests kustomize(String overlay) {
        return CACHE.computeIfAbsent("kustomize: overlays/" + overlay,
                source -> Manifests.parse(source, overlay.equals("gpu"), kubectl("kustomize", OVERLAYS.resolve(overlay).toString())));
    }

    static Stream<Manifests> kustomizeRenderings() {
        return Stream.of("cpu", "gpu").map(Renderings::kustomize);
    }

    private static String kubectl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(arguments));
        try {
            Path errors = Files.createTempFile("kubectl", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                String output;
                try (InputStream out = process.getInputStream()) {
                    output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish in 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(command + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new AssertionError(command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(command + " interrupted", e);
        }
    }
}
