package io.textprovenance.scoring.tokenizer;

/**
 * Scores text as written on any platform: {@code \r\n} and a lone {@code \r} become {@code \n} before
 * tokenizing, so a document sent with Windows or old Mac line endings gets the same tokens, and therefore
 * the same verdict, as the same document with Unix line endings. Offsets still point into the caller's
 * original text: a token that contains a normalized {@code \n} spans its {@code \r\n} there.
 *
 * @param inner the tokenizer of the model
 */
public record LineEndingNormalizingTokenizer(Tokenizer inner) implements Tokenizer {

    @Override
    public TokenizedText encode(String text) {
        if (text.indexOf('\r') < 0) {
            return inner.encode(text);
        }
        StringBuilder normalized = new StringBuilder(text.length());
        int[] original = new int[text.length() + 1];   // normalized UTF-16 index -> original index
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            original[normalized.length()] = i;
            if (c == '\r') {
                normalized.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                normalized.append(c);
            }
        }
        original[normalized.length()] = text.length();
        TokenizedText tokens = inner.encode(normalized.toString());
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            starts[t] = original[tokens.start(t)];
            ends[t] = original[tokens.end(t)];
        }
        return new TokenizedText(tokens.ids(), starts, ends);
    }

    @Override
    public void close() {
        inner.close();
    }
}
