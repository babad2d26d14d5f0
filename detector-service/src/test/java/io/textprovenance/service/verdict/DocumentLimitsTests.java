package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Valid UTF-16 is checked before the tokenizer sees a text: a surrogate must be half of a pair. */
class DocumentLimitsTests {

    @Test
    void shouldFindTheFirstUnpairedSurrogateAndAcceptPairs() {
        assertThat(DocumentLimits.unpairedSurrogate("plain text")).isEqualTo(-1);
        assertThat(DocumentLimits.unpairedSurrogate("smile \uD83D\uDE00 and \uD83C\uDF89")).isEqualTo(-1);
        assertThat(DocumentLimits.unpairedSurrogate("bad \uD800 x")).isEqualTo(4);
        assertThat(DocumentLimits.unpairedSurrogate("low first \uDE00\uD83D")).isEqualTo(10);
        assertThat(DocumentLimits.unpairedSurrogate("ends high \uD83D")).isEqualTo(10);
    }
}
