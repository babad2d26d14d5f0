package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerturbationTests {

    private static final String TEXT = "The council met on Monday.\n\nIt's the third meeting this year! Members"
            + " said \"enough\" twice.\nWho pays? (Nobody knows.) The mayor's 'plan' failed.\r\nA vote follows.";

    @Test
    void shouldPutTheTextOnOneLineCollapsingEveryRunOfLineBreaks() {
        assertThat(Perturbation.ONE_LINE.apply("a\n\n\nb")).isEqualTo("a b");
        assertThat(Perturbation.ONE_LINE.apply("a\r\n\r\nb\rc\n \n\td")).isEqualTo("a b c d");
        assertThat(Perturbation.ONE_LINE.apply("line one  \n  line two")).isEqualTo("line one line two");
        assertThat(Perturbation.ONE_LINE.apply("\n\nstart and end \n")).isEqualTo("start and end");
        assertThat(Perturbation.ONE_LINE.apply("no  breaks\there")).isEqualTo("no  breaks\there");
        assertThat(Perturbation.ONE_LINE.apply(TEXT)).doesNotContain("\n", "\r");
    }

    @Test
    void shouldGroupSentencesIntoParagraphsOfThree() {
        assertThat(Perturbation.PARAGRAPHS.apply("One. Two! Three? Four. Five.\nSix. Seven."))
                .isEqualTo("One. Two! Three?\n\nFour. Five. Six.\n\nSeven.");
        assertThat(Perturbation.PARAGRAPHS.apply("He said \"Go.\" Then he left. It rained. (It was May.) The end."))
                .isEqualTo("He said \"Go.\" Then he left. It rained.\n\n(It was May.) The end.");
        // no sentence break inside a number or before a lower-case word
        assertThat(Perturbation.PARAGRAPHS.apply("It cost 3.5 dollars, i.e. too much. Really. Yes. No."))
                .isEqualTo("It cost 3.5 dollars, i.e. too much. Really. Yes.\n\nNo.");
        assertThat(Perturbation.PARAGRAPHS.apply("A.\n\nB.")).isEqualTo("A. B.");
    }

    @Test
    void shouldGiveTheSameParagraphsWhateverTheLayoutItStartsFrom() {
        String paragraphs = Perturbation.PARAGRAPHS.apply(TEXT);
        assertThat(paragraphs).contains("\n\n");
        assertThat(Perturbation.PARAGRAPHS.apply(paragraphs)).isEqualTo(paragraphs);
        assertThat(Perturbation.PARAGRAPHS.apply(Perturbation.ONE_LINE.apply(TEXT))).isEqualTo(paragraphs);
    }

    @Test
    void shouldUseCrLfLineEndingsWithoutDoublingExistingOnes() {
        assertThat(Perturbation.CRLF.apply("a\nb\n\nc")).isEqualTo("a\r\nb\r\n\r\nc");
        assertThat(Perturbation.CRLF.apply("a\r\nb\nc\r\n")).isEqualTo("a\r\nb\r\nc\r\n");
        assertThat(Perturbation.CRLF.apply(TEXT)).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(Perturbation.CRLF.apply(Perturbation.CRLF.apply(TEXT))).isEqualTo(Perturbation.CRLF.apply(TEXT));
        assertThat(Perturbation.CRLF.apply("one line")).isEqualTo("one line");
    }

    @Test
    void shouldCurlQuotesByPosition() {
        assertThat(Perturbation.CURLY_QUOTES.apply("\"Hello,\" she said. 'Don't.'"))
                .isEqualTo("“Hello,” she said. ‘Don’t.’");
        assertThat(Perturbation.CURLY_QUOTES.apply("(\"quoted\") [\"x\"] {'y'}")).isEqualTo("(“quoted”) [“x”] {‘y’}");
        assertThat(Perturbation.CURLY_QUOTES.apply("\"'Hi,' he said\"")).isEqualTo("“‘Hi,’ he said”");
        assertThat(Perturbation.CURLY_QUOTES.apply("the mayor's plan, the boys' game")).isEqualTo("the mayor’s plan, the boys’ game");
        assertThat(Perturbation.CURLY_QUOTES.apply("line\n\"next\"")).isEqualTo("line\n“next”");
        assertThat(Perturbation.CURLY_QUOTES.apply(TEXT)).doesNotContain("\"", "'");
    }

    @Test
    void shouldAppendOneTrailingNewline() {
        assertThat(Perturbation.TRAILING_NEWLINE.apply("text")).isEqualTo("text\n");
        assertThat(Perturbation.TRAILING_NEWLINE.apply("text\n")).isEqualTo("text\n");
        assertThat(Perturbation.TRAILING_NEWLINE.apply("text\r\n")).isEqualTo("text\r\n");
    }

    @Test
    void shouldKeepEveryWord() {
        List<String> words = words(TEXT);
        for (Perturbation perturbation : Perturbation.values()) {
            String perturbed = perturbation.apply(TEXT).replace('“', '"').replace('”', '"').replace('‘', '\'')
                    .replace('’', '\'');
            assertThat(words(perturbed)).as(perturbation.id()).isEqualTo(words);
        }
    }

    @Test
    void shouldParseTheCommandLineList() {
        assertThat(Perturbation.parse("crlf, One-Line,curly-quotes")).containsExactly(Perturbation.CRLF,
                Perturbation.ONE_LINE, Perturbation.CURLY_QUOTES);
        assertThat(Perturbation.parse(Perturbation.all())).containsExactly(Perturbation.values());
        assertThat(Perturbation.parse("")).isEmpty();
        assertThatThrownBy(() -> Perturbation.parse("one-line,tabs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tabs'").hasMessageContaining("trailing-newline");
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }
}
