package io.textprovenance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One Jackson major (issue 14): every class of ours on the service's classpath (the service, verdict, pawn-head,
 * scoring, and the evaluation its tests run) binds JSON with Jackson 3 ({@code tools.jackson}); none links against
 * Jackson 2's databind or core ({@code com.fasterxml.jackson.databind}, {@code com.fasterxml.jackson.core}). The
 * annotations ({@code com.fasterxml.jackson.annotation}) are Jackson 3's too. Jackson 2 itself is still on the
 * runtime classpath, for springdoc-openapi's swagger-core only; the root pom's enforcer rule one-jackson-major
 * keeps it out of the modules and of the service's direct dependencies.
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
}
