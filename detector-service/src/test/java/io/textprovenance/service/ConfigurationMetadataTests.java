package io.textprovenance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build describes every detector.* key (spring-boot-configuration-processor): IDEs complete them with their
 * description and default, which come from the @ConfigurationProperties records alone.
 */
class ConfigurationMetadataTests {

    @Test
    void shouldDescribeTheDetectorKeysWithTheirRecordsDefaults() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("META-INF/spring-configuration-metadata.json").isNotNull();
            JsonMapper.builder().build().readTree(metadata).get("properties")
                    .forEach(property -> properties.put(property.get("name").asString(), property));
        }

        assertThat(properties).containsKeys("detector.scoring.model-dir", "detector.verdict.machine-p-value",
                "detector.kafka.documents", "detector.resilience.timeout", "detector.security.api-keys");
        assertThat(properties.get("detector.kafka.documents").get("defaultValue").asString()).isEqualTo("documents");
        assertThat(properties.get("detector.kafka.concurrency").get("defaultValue").asInt()).isEqualTo(1);
        assertThat(properties.get("detector.scoring.pawn.require-normalization").get("defaultValue").asBoolean())
                .isTrue();
        assertThat(properties.get("detector.scoring.model-dir").get("description").asString())
                .contains("model directory");
    }
}
