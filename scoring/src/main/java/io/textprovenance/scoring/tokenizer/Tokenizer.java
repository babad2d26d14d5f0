package io.textprovenance.scoring.tokenizer;

/** Text to token ids with offsets. Implementations are thread-safe and never truncate. */
public interface Tokenizer extends AutoCloseable {

    /**
     * @param text any valid UTF-16 text, possibly empty
     * @throws IllegalArgumentException if the text holds an unpaired surrogate
     */
    TokenizedText encode(String text);

    @Override
    void close();
}
