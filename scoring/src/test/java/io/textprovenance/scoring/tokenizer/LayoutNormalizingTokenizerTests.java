package io.textprovenance.scoring.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.scoring.TinyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LineEndingNormalizingTokenizerTests {

    static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = new LineEndingNormalizingTokenizer(
                HuggingFaceBpeTokenizer.load(TinyModel.directory().resolve("tokenizer.json")));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void shouldGiveWindowsAndOldMacLineEndingsTheTokensOfUnixOnes() {
        String unix = "First paragraph.\n\nSecond one,\nwith a break.\n";
        TokenizedText expected = tokenizer.encode(unix);
        assertThat(tokenizer.encode(unix.replace("\n", "\r\n")).ids()).isEqualTo(expected.ids());
        assertThat(tokenizer.encode(unix.replace("\n", "\r")).ids()).isEqualTo(expected.ids());
    }

    @Test
    void shouldKeepOffsetsInTheOriginalText() {
        String crlf = "One line.\r\nTwo lines.\r\n\r\nThree \u201cquoted\u201d.";
        TokenizedText tokens = tokenizer.encode(crlf);
        StringBuilder rebuilt = new StringBuilder();
        for (int t = 0; t < tokens.size(); t++) {
            assertThat(tokens.start(t)).isLessThanOrEqualTo(tokens.end(t));
            if (t > 0) {
                assertThat(tokens.start(t)).isEqualTo(tokens.end(t - 1));
            }
            rebuilt.append(crlf, tokens.start(t), tokens.end(t));
        }
        assertThat(rebuilt.toString()).isEqualTo(crlf);
        assertThat(tokens.end(tokens.size() - 1)).isEqualTo(crlf.length());
    }

    @Test
    void shouldLeaveTextWithoutCarriageReturnsAlone() {
        String text = "Plain text, no carriage return.\n";
        try (Tokenizer plain = HuggingFaceBpeTokenizer.load(TinyModel.directory().resolve("tokenizer.json"))) {
            assertThat(tokenizer.encode(text).ids()).isEqualTo(plain.encode(text).ids());
        }
    }
}
