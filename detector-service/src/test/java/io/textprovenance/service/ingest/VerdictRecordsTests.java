package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.service.verdict.LabelBasis;
import io.textprovenance.service.verdict.ModelInfo;
import io.textprovenance.service.verdict.Provenance;
import io.textprovenance.service.verdict.Timings;
import io.textprovenance.service.verdict.TokenEvidence;
import io.textprovenance.service.verdict.Tokens;
import io.textprovenance.service.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A verdict record never exceeds the producer's limit: the 15k-token explain verdict of issue 12 is refused. */
class VerdictRecordsTests {

    private final VerdictRecords records = new VerdictRecords(JsonMapper.shared(), "verdicts", new RecordLimits(1024 * 1024));

    @Test
    void shouldRefuseAVerdictWhoseEvidenceWouldExceedTheLimit() {
        List<TokenEvidence> evidence = new ArrayList<>();
        for (int i = 0; i < 15_000; i++) {
            evidence.add(new TokenEvidence(" word", i * 5, i * 5 + 5, -3.141592653589793, 4.718281828459045,
                    12, 0.001234567891));
        }
        VerdictRecords.Encoded encoded = records.encode(verdict("doc-1", evidence));

        assertThat(encoded.record()).isNull();
        assertThat(encoded.refusal()).contains("explain evidence for 15000 tokens", "explain: false",
                "detector.kafka.max-record-size");
    }

    @Test
    void shouldEncodeAnOrdinaryVerdictKeyedByItsId() {
        VerdictRecords.Encoded encoded = records.encode(verdict("doc-2", null));

        assertThat(encoded.refusal()).isNull();
        assertThat(encoded.record().key()).isEqualTo("doc-2");
        assertThat(encoded.record().topic()).isEqualTo("verdicts");
        assertThat(new String(encoded.record().value())).contains("\"id\":\"doc-2\"");
    }

    static Verdict verdict(String id, List<TokenEvidence> evidence) {
        return new Verdict(id, "uncertain", "too-short", "r", "s", null, null, null, List.of(),
                new Provenance("freedman-bennett", "two_sided", 0, 1, 0.05, 1, false, 1),
                new Tokens(evidence == null ? 3 : evidence.size(), false, 1, null),
                new LabelBasis(3, true, 0, 10, "all 3 tokens"),
                new ModelInfo("m", "1", "abc", false, false), new Timings(1, 1), evidence, null);
    }
}
