package io.textprovenance.scoring.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.scoring.TinyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayoutNormalizingTokenizerTests {

    static Tokenizer plain;
    static Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        plain = HuggingFaceBpeTokenizer.load(TinyModel.directory().resolve("tokenizer.json"));
        tokenizer = new LayoutNormalizingTokenizer(HuggingFaceBpeTokenizer.load(TinyModel.directory().resolve("tokenizer.json")));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        plain.close();
    }

    @Test
    void shouldGiveEveryLayoutOfTheSameWordsTheSameTokens() {
        String oneLine = "First sentence here. Second one, with a comma. Third.";
        long[] expected = plain.encode(oneLine).ids();
        for (String layout : new String[] {
            oneLine,
            "First sentence here.\n\nSecond one, with a comma.\nThird.",
            "First sentence here.\r\n\r\nSecond one, with a comma.\r\nThird.\r\n",
            "First sentence here.\rSecond one, with a comma.\u2029Third.",
            "  First sentence here. \n \n Second one, with a comma.\n\n\n\nThird.\n",
            "First sentence here.  Second one,\twith a comma.   Third.",
            oneLine + "\n"}) {
            assertThat(tokenizer.encode(layout).ids()).as("%s", layout.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldScoreCurlyQuotesAsStraightOnes() {
        String straight = "\"I'm not sure,\" he said. 'Maybe' - \"we'll see.\"";
        String curly = "\u201cI\u2019m not sure,\u201d he said. \u2018Maybe\u2019 - \u201ewe\u2019ll see.\u201f";
        assertThat(tokenizer.encode(curly).ids()).isEqualTo(plain.encode(straight).ids());
        assertThat(tokenizer.encode(curly).ids()).isNotEqualTo(plain.encode(curly).ids());
    }

    /** Typed with two spaces after a full stop, and the same sentences rejoined with one: the same tokens. */
    @Test
    void shouldFoldSpacingWithinALine() {
        String text = "Two  spaces\tand a tab.  Then a sentence.";
        assertThat(plain.encode(text).ids()).isNotEqualTo(plain.encode("Two spaces and a tab. Then a sentence.").ids());
        assertThat(tokenizer.encode(text).ids()).isEqualTo(plain.encode("Two spaces and a tab. Then a sentence.").ids());
    }

    @Test
    void shouldKeepOffsetsInTheOriginalText() {
        String text = "\n  One line.\r\n\r\nTwo \u201cquoted\u201d lines.  And\ttabs.\n";
        TokenizedText tokens = tokenizer.encode(text);
        StringBuilder rebuilt = new StringBuilder();
        for (int t = 0; t < tokens.size(); t++) {
            assertThat(tokens.start(t)).isLessThanOrEqualTo(tokens.end(t));
            assertThat(tokens.start(t)).isEqualTo(t == 0 ? 0 : tokens.end(t - 1));
            rebuilt.append(text, tokens.start(t), tokens.end(t));
        }
        assertThat(rebuilt.toString()).isEqualTo(text);
    }

    @Test
    void shouldGiveWhitespaceOnlyTextTheTokensOfOneSpace() {
        assertThat(tokenizer.encode(" \n\r\n\t ").ids()).isEqualTo(plain.encode(" ").ids());
        assertThat(tokenizer.encode(" \n\r\n\t ").end(0)).isEqualTo(6);
        assertThat(tokenizer.encode("").size()).isZero();
    }
}
