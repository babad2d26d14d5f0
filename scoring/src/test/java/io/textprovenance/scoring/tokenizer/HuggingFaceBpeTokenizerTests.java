package io.textprovenance.scoring.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.scoring.TinyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HuggingFaceBpeTokenizerTests {

    static HuggingFaceBpeTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = HuggingFaceBpeTokenizer.load(TinyModel.directory().resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void shouldNotTruncateALongDocument() {
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(300);
        TokenizedText tokens = tokenizer.encode(text);
        assertThat(tokens.size()).isGreaterThan(2000);
        assertThat(tokens.end(tokens.size() - 1)).isEqualTo(text.length());
    }

    @Test
    void shouldTokenizeAMegabyteDocumentCompletely() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 1_000_000; i++) {
            text.append("Paragraph ").append(i).append(": the council approved the plan, 😀 漢字.\n");
        }
        TokenizedText tokens = tokenizer.encode(text.toString());
        assertThat(tokens.size()).isGreaterThan(200_000);
        assertThat(tokens.end(tokens.size() - 1)).isEqualTo(text.length());
    }

    @Test
    void shouldGiveUtf16OffsetsThatCoverEmojiCjkAndRtlText() {
        String text = "Smile 😀 then 漢字テスト and مرحبا بالعالم end.";
        TokenizedText tokens = tokenizer.encode(text);
        assertThat(tokens.size()).isPositive();
        assertThat(tokens.start(0)).isZero();
        assertThat(tokens.end(tokens.size() - 1)).isEqualTo(text.length());
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(tokens.start(i)).isLessThanOrEqualTo(tokens.end(i));
            if (i > 0) {
                assertThat(tokens.start(i)).isGreaterThanOrEqualTo(tokens.start(i - 1));
            }
        }
        int emoji = text.indexOf("😀");
        boolean covered = false;
        for (int i = 0; i < tokens.size(); i++) {
            covered |= tokens.start(i) <= emoji && tokens.end(i) >= emoji + 2;
        }
        assertThat(covered).as("a token span covers the whole emoji").isTrue();
    }

    @Test
    void shouldGiveNoTokensForEmptyTextAndSomeForWhitespace() {
        assertThat(tokenizer.encode("").size()).isZero();
        assertThat(tokenizer.encode("   \n\t ").size()).isPositive();
    }

    @Test
    void shouldRejectUnpairedSurrogates() {
        assertThatThrownBy(() -> tokenizer.encode("bad \uD83D here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired high surrogate at index 4");
        assertThatThrownBy(() -> tokenizer.encode("\uDE00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired low surrogate");
    }
}
