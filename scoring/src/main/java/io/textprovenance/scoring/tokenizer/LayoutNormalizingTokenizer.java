package io.textprovenance.scoring.tokenizer;

import java.util.Arrays;

/**
 * Layout is not evidence: the same words get the same tokens, and so the same verdict, whether they come as one line
 * or as paragraphs, with Windows or Unix line endings, with a trailing newline, or with two spaces after a full
 * stop. Before tokenizing, leading and trailing whitespace is dropped and every run of whitespace
 * ({@link Character#isWhitespace}: spaces, tabs, line breaks) becomes one space; a text of whitespace only becomes
 * one space (still a token: "nothing to judge" is the verdict policy's call, not the tokenizer's). Typographic
 * quotes are folded to their ASCII forms (U+2018, U+2019, U+201A, U+201B to {@code '}; U+201C, U+201D, U+201E,
 * U+201F to {@code "}), one character for one, so a text typed with "smart quotes" scores as the same text typed
 * without them. Offsets still point into the caller's original text: the token holding such a space spans the whole
 * run there.
 *
 * <p>{@link #VERSION} names these rules. A head trained on the scorer's features (PAWN) and a feature cache record
 * it, and a head recorded under other rules is refused: its features were other tokens. Change it with the rules.
 *
 * @param inner the tokenizer of the model
 */
public record LayoutNormalizingTokenizer(Tokenizer inner) implements Tokenizer {

    /**
     * The version of the normalization rules: "layout-2" trims, and turns every whitespace run into one space
     * ("layout-1" did so only for runs holding a line break, so a text rejoined with single spaces after its
     * sentences had been typed with two got other tokens); "quotes-1" folds typographic quotes to ASCII.
     */
    public static final String VERSION = "layout-2+quotes-1";

    @Override
    public TokenizedText encode(String text) {
        int first = 0;
        int last = text.length();
        while (first < last && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
            last--;
        }
        if (first == last && !text.isEmpty()) {
            TokenizedText space = inner.encode(" ");
            int[] starts = new int[space.size()];
            int[] ends = new int[space.size()];
            Arrays.fill(ends, text.length());
            return new TokenizedText(space.ids(), starts, ends);
        }
        StringBuilder normalized = new StringBuilder(last - first);
        int[] original = new int[last - first + 1];   // normalized UTF-16 index -> original index
        int i = first;
        while (i < last) {
            if (!Character.isWhitespace(text.charAt(i))) {
                original[normalized.length()] = i;
                normalized.append(foldQuote(text.charAt(i++)));
                continue;
            }
            original[normalized.length()] = i;
            normalized.append(' ');
            while (i < last && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        original[normalized.length()] = text.length();
        TokenizedText tokens = inner.encode(normalized.toString());
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            starts[t] = t == 0 ? 0 : original[tokens.start(t)];
            ends[t] = original[tokens.end(t)];
        }
        return new TokenizedText(tokens.ids(), starts, ends);
    }

    static char foldQuote(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
            default -> c;
        };
    }

    @Override
    public void close() {
        inner.close();
    }
}
