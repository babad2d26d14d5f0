package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.service.verdict.DocumentRejectedException;
import io.textprovenance.service.verdict.VerdictRequests;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A Kafka record names the models its attribution tests as a REST request does, under the same strict rules. */
class DocumentParserModelsTests {

    private final DocumentParser parser = new DocumentParser(JsonMapper.shared(), new VerdictRequests(
            JsonMapper.shared(), Validation.buildDefaultValidatorFactory().getValidator()));

    @Test
    void shouldCarryTheModelsARecordNames() {
        assertThat(parse("{\"text\": \"t\", \"models\": [\"a\", \"b\"]}").models()).containsExactly("a", "b");
        assertThat(parse("{\"text\": \"t\"}").models()).isNull();
    }

    @Test
    void shouldRefuseModelsThatAreNotANonEmptyArrayOfStrings() {
        for (String models : new String[] {"\"a\"", "[]", "[1]", "null"}) {
            assertThatThrownBy(() -> parse("{\"text\": \"t\", \"models\": " + models + "}")).as(models)
                    .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("models");
        }
    }

    private DocumentRecord parse(String value) {
        return parser.parse("key", value.getBytes(StandardCharsets.UTF_8));
    }
}
