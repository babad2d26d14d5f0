package io.textprovenance.service.verdict;

import io.textprovenance.scoring.Scorer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The limits a document is checked against before any scoring, on REST and Kafka alike: not empty, valid UTF-16
 * (no unpaired surrogate; JSON's escapes can carry one), at most detector.verdict.max-document-size of UTF-8, at
 * least one token and at most detector.verdict.max-tokens of them by the model's tokenizer; a batch's tokens
 * together within the same budget. A breach is a {@link DocumentRejectedException}: 400 for what is not a text,
 * 413 for what is too large.
 */
final class DocumentLimits {

    private final Scorer tokenizer;
    private final VerdictProperties properties;

    DocumentLimits(Scorer tokenizer, VerdictProperties properties) {
        this.tokenizer = tokenizer;
        this.properties = properties;
    }

    /**
     * @return the text's tokens
     * @throws DocumentRejectedException naming the rule the text breaks
     */
    int check(String text) {
        if (text == null || text.isEmpty()) {
            throw DocumentRejectedException.invalid("text is empty");
        }
        int surrogate = unpairedSurrogate(text);
        if (surrogate >= 0) {
            throw DocumentRejectedException.invalid("text holds an unpaired surrogate at index " + surrogate
                    + ": it is not valid UTF-16");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxDocumentSize().toBytes()) {
            throw DocumentRejectedException.tooLarge("document is " + bytes + " bytes; the limit is "
                    + properties.maxDocumentSize().toBytes() + " bytes (detector.verdict.max-document-size)");
        }
        int tokens = tokenizer.tokenize(text).size();
        if (tokens == 0) {
            throw DocumentRejectedException.invalid("text has no tokens to score");
        }
        checkBudget("document", tokens);
        return tokens;
    }

    /** {@link #check} for each text, and their tokens together within the one request's budget. */
    void checkBatch(List<String> texts) {
        long tokens = 0;
        for (String text : texts) {
            tokens += check(text);
        }
        checkBudget("batch", tokens);
    }

    /** @param what the document or batch the tokens are counted in, for the message */
    void checkBudget(String what, long tokens) {
        if (tokens > properties.maxTokens()) {
            throw DocumentRejectedException.tooLarge(what + " is " + tokens + " tokens; the limit is "
                    + properties.maxTokens() + " tokens per request (detector.verdict.max-tokens): split it into"
                    + " shorter requests");
        }
    }

    /** The index of the first surrogate that is not part of a pair, or -1. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
