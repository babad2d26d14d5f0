package io.textprovenance.scoring.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's native tokenizers library (loaded from the jar,
 * offline).
 *
 * <p>Built with truncation and padding off and without special tokens: DJL's default truncates to
 * 512 tokens with only a warning, which would silently drop the rest of a long document. Offsets come
 * back in Unicode code points and are converted to UTF-16 indices here.
 */
public final class HuggingFaceBpeTokenizer implements Tokenizer {

    private final HuggingFaceTokenizer tokenizer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HuggingFaceBpeTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * @param tokenizerJson path of a {@code tokenizer.json}
     * @throws IllegalStateException if the file cannot be loaded
     */
    public static HuggingFaceBpeTokenizer load(Path tokenizerJson) {
        try {
            return new HuggingFaceBpeTokenizer(HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .optWithOverflowingTokens(false)
                    .build());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot load tokenizer " + tokenizerJson.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public TokenizedText encode(String text) {
        if (closed.get()) {
            throw new IllegalStateException("tokenizer is closed");
        }
        requireWellFormed(text);
        if (text.isEmpty()) {
            return new TokenizedText(new long[0], new int[0], new int[0]);
        }
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        CodePointIndex index = new CodePointIndex(text);
        for (int i = 0; i < ids.length; i++) {
            CharSpan span = spans[i];
            starts[i] = span == null ? (i == 0 ? 0 : ends[i - 1]) : index.utf16(span.getStart());
            ends[i] = span == null ? starts[i] : index.utf16(span.getEnd());
        }
        return new TokenizedText(ids, starts, ends);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            tokenizer.close();
        }
    }

    /** Rejects unpaired surrogates, which no UTF-8 tokenizer can represent faithfully. */
    static void requireWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("text holds an unpaired high surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("text holds an unpaired low surrogate at index " + i);
            }
        }
    }

    /** Maps code-point indices to UTF-16 indices in O(1) after an O(n) pass. */
    private static final class CodePointIndex {
        private final int[] utf16ByCodePoint;

        CodePointIndex(String text) {
            int count = text.codePointCount(0, text.length());
            utf16ByCodePoint = new int[count + 1];
            int offset = 0;
            for (int cp = 0; cp < count; cp++) {
                utf16ByCodePoint[cp] = offset;
                offset += Character.charCount(text.codePointAt(offset));
            }
            utf16ByCodePoint[count] = text.length();
        }

        int utf16(int codePoint) {
            return utf16ByCodePoint[Math.min(Math.max(codePoint, 0), utf16ByCodePoint.length - 1)];
        }
    }
}
