package io.textprovenance.evaluation.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seeded split by human document: a machine text goes where the human text it was generated from
 * goes, so no document is on both sides, even though the same human documents recur across generators'
 * files. 60% train (for trained heads), 20% calibration (thresholds), 20% test.
 *
 * <p>A document is known by its first {@value #KEY_WORDS} words (whitespace-separated), not its whole
 * text: benchmark files cut each pair to the shorter text, so one article recurs under other lengths in
 * other generators' files (Fast-DetectGPT, and ImBD's XSum subset of it). Keyed by the whole text those
 * copies would land on both sides and leak. Different documents sharing their first 20 words are kept
 * together, which costs nothing.
 */
public final class DocumentSplit {

    static final int KEY_WORDS = 20;

    private final Map<String, String> humanKeyBySourcePair = new HashMap<>();
    private final long seed;

    public DocumentSplit(List<LabeledText> texts, long seed) {
        this.seed = seed;
        for (LabeledText text : texts) {
            if (!text.machine()) {
                humanKeyBySourcePair.put(text.source() + "#" + text.pair(), documentKey(text.text()));
            }
        }
    }

    public String splitOf(LabeledText text) {
        int bucket = Math.floorMod(hash(seed + ":" + documentOf(text)), 100);
        return bucket < 60 ? "train" : bucket < 80 ? "calibration" : "test";
    }

    /**
     * The key of the human document a text belongs to: its own for a human text, that of the human text it was
     * generated from (same file and pair) for a machine text.
     */
    public String documentOf(LabeledText text) {
        return text.machine()
                ? humanKeyBySourcePair.getOrDefault(text.source() + "#" + text.pair(), documentKey(text.text()))
                : documentKey(text.text());
    }

    /** The seed of the split. */
    public long seed() {
        return seed;
    }

    /** The document's first {@value #KEY_WORDS} words, single-spaced. */
    public static String documentKey(String text) {
        String[] words = text.strip().split("\\s+", KEY_WORDS + 1);
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(KEY_WORDS, words.length)));
    }

    private static int hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
