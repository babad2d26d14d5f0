package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.OperatingPoint;
import io.textprovenance.stats.calibration.Proportions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: rates over texts that cluster by document get intervals by document. */
class DocumentRateTests {

    private static final java.util.concurrent.atomic.AtomicInteger TEXTS = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void shouldBeWiderThanAWilsonIntervalOverTextsWhenCopiesOfADocumentAgree() {
        // 40 documents of 5 copies each; 4 documents flagged in all their copies: 20 of 200 texts
        List<ScoredDocument> texts = new ArrayList<>();
        for (int document = 0; document < 40; document++) {
            for (int copy = 0; copy < 5; copy++) {
                texts.add(text("doc " + document, false, document < 4 ? 1.0 : 0.0));
            }
        }
        DocumentRate rate = DocumentRate.of(texts, d -> d.scores().get("s") > 0.5);
        assertThat(rate.successes()).isEqualTo(20);
        assertThat(rate.texts()).isEqualTo(200);
        assertThat(rate.documents()).isEqualTo(40);
        assertThat(rate.rate()).isEqualTo(0.1);
        Interval overTexts = Proportions.wilson(20, 200, 0.95);
        assertThat(rate.interval().lower()).isLessThanOrEqualTo(0.1).isLessThan(overTexts.lower());
        assertThat(rate.interval().upper()).isGreaterThan(overTexts.upper());
        assertThat(rate.format()).startsWith("0.1000 [").endsWith("(20/200; 40 docs)");
        assertThat(DocumentRate.of(texts, d -> true).interval()).isEqualTo(Proportions.wilson(40, 40, 0.95));
    }

    @Test
    void shouldGiveTheIntervalOfOneTextPerDocumentWhenNoTextCounts() {
        List<ScoredDocument> texts = List.of(text("a", false, 0), text("a", false, 0), text("b", false, 0));
        DocumentRate rate = DocumentRate.of(texts, d -> false);
        assertThat(rate.interval()).isEqualTo(Proportions.wilson(0, 2, 0.95));
        assertThat(DocumentRate.of(List.of(), d -> true).format()).isEqualTo("no texts");
    }

    @Test
    void shouldBootstrapTheAurocAndTprByDocument() {
        List<ScoredDocument> texts = new ArrayList<>();
        for (int document = 0; document < 30; document++) {
            texts.add(text("doc " + document, false, document / 30.0));
            texts.add(text("doc " + document, true, document / 30.0 + (document % 3 == 0 ? -0.2 : 0.5)));
        }
        double[] machine = texts.stream().filter(d -> d.text().machine()).mapToDouble(d -> d.scores().get("s")).toArray();
        double[] human = texts.stream().filter(d -> !d.text().machine()).mapToDouble(d -> d.scores().get("s")).toArray();
        OperatingPoint at5 = OperatingPoint.atFalsePositiveRate(machine, human, 0.05, 0.95);
        DocumentBootstrap.Intervals intervals = DocumentBootstrap.of(texts, "s", List.of(at5));
        double auroc = io.textprovenance.stats.calibration.Auroc.of(machine, human);
        assertThat(intervals.auroc().lower()).isLessThanOrEqualTo(auroc);
        assertThat(intervals.auroc().upper()).isGreaterThanOrEqualTo(auroc).isLessThanOrEqualTo(1.0);
        assertThat(intervals.truePositiveRates().get(0).lower()).isLessThanOrEqualTo(at5.truePositiveRate());
        assertThat(intervals.truePositiveRates().get(0).upper()).isGreaterThanOrEqualTo(at5.truePositiveRate());
        assertThat(DocumentBootstrap.of(texts, "s", List.of(at5))).isEqualTo(intervals);   // seeded
    }

    private static ScoredDocument text(String document, boolean machine, double score) {
        return new ScoredDocument(new LabeledText(document + (machine ? " machine " : " human ") + TEXTS.incrementAndGet(), machine,
                machine ? "gen" : "human", "news", "f", 0), "test", document, 100, Map.of("s", score), Map.of());
    }
}
