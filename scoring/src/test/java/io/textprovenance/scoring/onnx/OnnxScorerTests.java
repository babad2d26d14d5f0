package io.textprovenance.scoring.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.ModelFormat;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerInfo;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.scoring.tokenizer.HuggingFaceBpeTokenizer;
import io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer;
import io.textprovenance.scoring.tokenizer.Tokenizer;
import io.textprovenance.stats.TokenSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scorer end to end on the tiny models (context 32): formats, windows, edge-case inputs, concurrency. */
class OnnxScorerTests {

    static final String SENTENCE = "The committee met on Tuesday to discuss the budget for the coming year. ";

    static OnnxScorer graph;
    static OnnxScorer logits;

    @BeforeAll
    static void open() {
        graph = TinyModels.open("scoring-graph");
        logits = TinyModels.open("logits");
    }

    @AfterAll
    static void close() {
        graph.close();
        logits.close();
    }

    @Test
    void shouldComputeTheSameMetricsFromTheScoringGraphAndFromLogitsInJava() {
        assertThat(graph.manifest().format()).isEqualTo(ModelFormat.SCORING_GRAPH);
        assertThat(logits.manifest().format()).isEqualTo(ModelFormat.LOGITS);
        for (String text : List.of(SENTENCE, SENTENCE.repeat(6), "Smile 😀 漢字 مرحبا")) {
            ScoredText a = graph.score(text, true);
            ScoredText b = logits.score(text, true);
            assertThat(a.tokensScored()).isEqualTo(b.tokensScored());
            for (int i = 0; i < a.tokensScored(); i++) {
                assertClose(a.tokens().get(i), b.tokens().get(i), 2e-4);
            }
            float[][] ha = a.hiddenStates().orElseThrow();
            float[][] hb = b.hiddenStates().orElseThrow();
            for (int p = 0; p < ha.length; p++) {
                for (int k = 0; k < ha[p].length; k++) {
                    assertThat(ha[p][k]).isCloseTo(hb[p][k], within(1e-4f));
                }
            }
        }
    }

    @Test
    void shouldScoreEveryTokenOfALongDocumentOnceInOverlappingWindows() {
        String text = SENTENCE.repeat(20);
        ScoredText scored = graph.score(text);
        int tokens;
        try (Tokenizer tokenizer = new LayoutNormalizingTokenizer(HuggingFaceBpeTokenizer.load(
                TinyModels.directory("scoring-graph").resolve("tokenizer.json")))) {
            tokens = tokenizer.encode(text).size();
        }
        assertThat(scored.tokensScored()).isEqualTo(tokens).isGreaterThan(200);
        assertThat(scored.windowed()).isTrue();
        assertThat(scored.windows()).isGreaterThanOrEqualTo((tokens + 1 - 32) / 16 + 1);
        for (int i = 1; i < scored.tokensScored(); i++) {
            assertThat(scored.tokens().get(i).start()).isGreaterThanOrEqualTo(scored.tokens().get(i - 1).end() - 1);
        }
        // tokens in the first window see the same prefix as when the first 31 tokens are scored alone
        String prefix = text.substring(0, scored.tokens().get(30).end());
        ScoredText alone = graph.score(prefix);
        assertThat(alone.windows()).isEqualTo(1);
        for (int i = 0; i < alone.tokensScored(); i++) {
            assertClose(alone.tokens().get(i), scored.tokens().get(i), 1e-5);
        }
    }

    @Test
    void shouldReturnHiddenStatesOnlyForTheFirstTokensAskedFor() {
        // issue 14: PAWN reads a text's first tokens; the states of the rest are not asked of the model
        String text = SENTENCE.repeat(20);
        ScoredText all = graph.score(text, true);
        ScoredText first = graph.score(text, 40);
        assertThat(first.windowed()).isTrue();
        assertThat(first.tokensScored()).isEqualTo(all.tokensScored()).isGreaterThan(200);
        float[][] rows = first.hiddenStates().orElseThrow();
        float[][] allRows = all.hiddenStates().orElseThrow();
        assertThat(rows).hasNumberOfRows(41);
        for (int p = 0; p < rows.length; p++) {
            for (int k = 0; k < rows[p].length; k++) {
                assertThat(rows[p][k]).isCloseTo(allRows[p][k], within(1e-4f));
            }
        }
        for (int i = 0; i < all.tokensScored(); i++) {
            assertClose(first.tokens().get(i), all.tokens().get(i), 1e-5);
        }
        assertThat(graph.score("Short text.", 512).hiddenStates().orElseThrow())
                .hasNumberOfRows(graph.score("Short text.", true).tokensScored() + 1);
        assertThat(graph.score(text, 0).hiddenStates()).isEmpty();
        assertThatThrownBy(() -> graph.score(text, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldScoreNothingInEmptyTextAndSomethingInWhitespace() {
        ScoredText empty = graph.score("");
        assertThat(empty.tokensScored()).isZero();
        assertThat(empty.windows()).isZero();
        assertThatThrownBy(empty::toTokenSeries).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 0");
        assertThat(graph.score(" \n\t  ").tokensScored()).isPositive();
    }

    /** 100 kB here; the tokenizer is checked on 1 MB (HuggingFaceBpeTokenizerTests), the model would take minutes. */
    @Test
    void shouldScoreALargeDocumentWithoutTruncation() {
        StringBuilder text = new StringBuilder();
        int paragraph = 0;
        while (text.length() < 100_000) {
            text.append(SENTENCE).append("Paragraph ").append(paragraph++).append(" ends here.\n");
        }
        ScoredText scored = graph.score(text.toString());
        assertThat(scored.tokensScored()).isGreaterThan(20_000);
        assertThat(scored.tokens().get(scored.tokensScored() - 1).end()).isEqualTo(text.length());
        TokenSeries series = scored.toTokenSeries();
        assertThat(series.size()).isEqualTo(scored.tokensScored());
    }

    @Test
    void shouldHandleEmojiCjkAndRightToLeftTextAndRejectBrokenSurrogates() {
        String text = "Emoji 👩‍💻🎉, 中文文本, 日本語, and عربي (right to left) mixed.";
        ScoredText scored = graph.score(text);
        assertThat(scored.tokensScored()).isPositive();
        assertThat(scored.tokens().get(scored.tokensScored() - 1).end()).isEqualTo(text.length());
        for (TokenMetrics token : scored.tokens()) {
            assertThat(token.logProb()).isLessThanOrEqualTo(0f).isGreaterThan(-100f);
            assertThat(token.rankFraction()).isBetween(0f, 1f);
        }
        assertThatThrownBy(() -> graph.score("broken \uD800 text")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
    }

    @Test
    void shouldGiveManyConcurrentCallersTheirOwnResults() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add("Document number " + i + ": " + SENTENCE.repeat(1 + i % 5));
        }
        List<ScoredText> sequential = texts.stream().map(graph::score).toList();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<ScoredText>> concurrent = new ArrayList<>();
            for (String text : texts) {
                concurrent.add(callers.submit(() -> graph.score(text)));
            }
            for (int d = 0; d < texts.size(); d++) {
                ScoredText expected = sequential.get(d);
                ScoredText actual = concurrent.get(d).get(60, TimeUnit.SECONDS);
                assertThat(actual.tokensScored()).isEqualTo(expected.tokensScored());
                for (int i = 0; i < actual.tokensScored(); i++) {
                    assertClose(actual.tokens().get(i), expected.tokens().get(i), 1e-5);
                }
            }
        } finally {
            callers.shutdown();
        }
        assertThat(graph.batcher().batches()).isLessThan(graph.batcher().windowsRun());
    }

    @Test
    void shouldDescribeItselfWithoutItsImplementation() {
        ScorerInfo before = graph.info();
        graph.score(SENTENCE.repeat(3));
        ScorerInfo after = graph.info();

        assertThat(after.manifest()).isSameAs(graph.manifest());
        assertThat(after.device()).isEqualTo("cpu");
        assertThat(after.textNormalization()).isEqualTo(LayoutNormalizingTokenizer.VERSION).isEqualTo("layout-2+quotes-1");
        assertThat(after.batches()).isGreaterThan(before.batches());
        assertThat(after.windowsRun()).as("a text over the context: several windows")
                .isGreaterThanOrEqualTo(before.windowsRun() + 2);
        assertThat(after.queuedWindows()).isZero();
    }

    @Test
    void shouldRefuseCallsAfterClose() {
        OnnxScorer scorer = TinyModels.open("scoring-graph");
        scorer.close();
        scorer.close();
        assertThatThrownBy(() -> scorer.score("text")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    static void assertClose(TokenMetrics a, TokenMetrics b, double tolerance) {
        assertThat(a.tokenId()).isEqualTo(b.tokenId());
        assertThat(a.start()).isEqualTo(b.start());
        assertThat((double) a.logProb()).isCloseTo(b.logProb(), within(tolerance));
        assertThat((double) a.entropy()).isCloseTo(b.entropy(), within(tolerance));
        assertThat((double) a.varentropy()).isCloseTo(b.varentropy(), within(tolerance * 10));
        assertThat((double) a.maxLogProb()).isCloseTo(b.maxLogProb(), within(tolerance));
        assertThat((double) a.rankFraction()).isCloseTo(b.rankFraction(), within(2.0 / 8192));
        assertThat((double) a.topPMass()).isCloseTo(b.topPMass(), within(tolerance));
        assertThat((double) a.clippedMean()).isCloseTo(b.clippedMean(), within(tolerance));
        assertThat((double) a.clippedVariance()).isCloseTo(b.clippedVariance(), within(tolerance * 10));
    }
}
