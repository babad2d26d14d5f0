package io.textprovenance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One Jackson major (issue 14): every class of ours on the service's classpath (the service, verdict, pawn-head,
 * scoring, and the evaluation its tests run) binds JSON with Jackson 3 ({@code tools.jackson}); none links against
 * Jackson 2's databind or core ({@code com.fasterxml.jackson.databind}, {@code com.fasterxml.jackson.core}). The
 * annotations ({@code com.fasterxml.jackson.annotation}) are Jackson 3's too. Nor is Jackson 2 in the service's
 * runtime classpath, the jars its repackaged jar ships: springdoc-openapi (swagger-core binds with Jackson 2) is a
 * test dependency that generates the OpenAPI document (OpenApiDocumentTests). The root pom's enforcer rule
 * one-jackson-major fails the build first when a dependency brings Jackson 2 back.
 */
class JacksonMajorVersionTests {

    /** Internal names, spelt with dots here so that this class's own constants do not hold them. */
    private static final List<String> JACKSON_2 = List.of("com.fasterxml.jackson.databind.".replace('.', '/'),
            "com.fasterxml.jackson.core.".replace('.', '/'));

    @Test
    void shouldBindJsonWithJackson3InEveryClassOfOurs() throws IOException {
        Resource[] classes = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:io/textprovenance/**/*.class");
        List<String> jackson2 = new ArrayList<>();
        for (Resource type : classes) {
            String constants;
            try (InputStream in = type.getInputStream()) {
                // class names in the constant pool are plain ASCII
                constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            JACKSON_2.stream().filter(constants::contains).findFirst()
                    .ifPresent(name -> jackson2.add(type.getDescription() + " uses " + name));
        }
        // the service's, verdict's, pawn-head's, scoring's and evaluation's classes were all looked at
        assertThat(classes).extracting(Resource::getDescription)
                .anyMatch(name -> name.contains("io/textprovenance/service/"))
                .anyMatch(name -> name.contains("io/textprovenance/verdict/calibration/CalibrationFile.class"))
                .anyMatch(name -> name.contains("io/textprovenance/pawn/PawnCard.class"))
                .anyMatch(name -> name.contains("io/textprovenance/scoring/ModelManifest.class"))
                .anyMatch(name -> name.contains("io/textprovenance/evaluation/report/EvaluationReport.class"));
        assertThat(jackson2).as("classes of ours linked against Jackson 2").isEmpty();
    }

    /**
     * The jars the repackaged jar ships (target/runtime-classpath.txt, the runtime scope, written by the
     * maven-dependency-plugin before the tests): none holds Jackson 2's ObjectMapper or JsonFactory, springdoc or
     * swagger-core, and the OpenAPI document and Swagger UI are served without them.
     */
    @Test
    void shouldShipNoJackson2InTheServiceJar() throws IOException {
        Path listing = Path.of("target/runtime-classpath.txt");
        assertThat(listing).as("written by maven-dependency-plugin:build-classpath (generate-test-resources)").exists();
        List<String> jars = Arrays.stream(Files.readString(listing).trim().split(java.io.File.pathSeparator))
                .filter(jar -> !jar.isBlank()).toList();
        List<String> jackson2 = new ArrayList<>();
        for (String jar : jars) {
            try (JarFile file = new JarFile(jar)) {
                for (String type : Stream.of("com.fasterxml.jackson.databind.ObjectMapper",
                        "com.fasterxml.jackson.core.JsonFactory", "io.swagger.v3.core.util.Json",
                        "org.springdoc.core.configuration.SpringDocConfiguration")
                        .map(name -> name.replace('.', '/') + ".class").toList()) {
                    if (file.getEntry(type) != null) {
                        jackson2.add(Path.of(jar).getFileName() + " holds " + type);
                    }
                }
            }
        }
        assertThat(jars).as("the runtime classpath").anyMatch(jar -> jar.contains("/tools/jackson/core/jackson-databind/"))
                .anyMatch(jar -> jar.contains("swagger-annotations")).anyMatch(jar -> jar.contains("swagger-ui"));
        assertThat(jackson2).as("Jackson 2, springdoc or swagger-core in the service's jar").isEmpty();
    }
}
