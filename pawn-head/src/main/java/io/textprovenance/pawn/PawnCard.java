package io.textprovenance.pawn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code pawn.json} (written by training/train_pawn.py) says about its head, as far as loading and using it
 * depends on it: the sha256 of pawn.onnx, the backbone it was trained on, the text normalization of the scorer
 * whose features it learned from, and the split it trained on.
 *
 * @param sha256            sha256 of pawn.onnx, hex
 * @param backbone          "name version sha256" of the backbone's model.onnx
 * @param textNormalization the scorer's text normalization when the features were cached ("text_normalization";
 *                          LayoutNormalizingTokenizer.VERSION); empty for a head trained before it was recorded
 * @param split             the split by document it trained on ("split"); empty when not recorded
 */
public record PawnCard(String sha256, String backbone, Optional<String> textNormalization,
                       Optional<TrainingSplit> split) {

    /**
     * The seeded split by human document whose "train" side the head learned from (the evaluation's DocumentSplit).
     *
     * @param seed                 the split's seed
     * @param trainDocuments       how many documents it trained on
     * @param trainDocumentsSha256 {@link #digest} of the train documents' hashed keys
     */
    public record TrainingSplit(long seed, int trainDocuments, String trainDocumentsSha256) {
    }

    /**
     * Reads {@code pawn.json} of a model directory.
     *
     * @throws IllegalStateException naming the file when it is missing, not JSON or holds a value of the wrong type
     */
    public static PawnCard read(Path directory) {
        Path file = directory.resolve("pawn.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no pawn.json in " + directory.toAbsolutePath());
        }
        try {
            JsonNode json = JsonMapper.shared().readTree(file);
            JsonNode normalization = json.path("text_normalization");
            JsonNode split = json.path("split");
            return new PawnCard(json.path("sha256").asString(), json.path("backbone").asString(),
                    normalization.isString() && !normalization.asString().isBlank()
                            ? Optional.of(normalization.asString()) : Optional.empty(),
                    split.isObject() ? Optional.of(new TrainingSplit(split.path("seed").asLong(),
                            split.path("train_documents").asInt(), split.path("train_documents_sha256").asString()))
                            : Optional.empty());
        } catch (JacksonException e) {
            // not JSON, or a value of the wrong type (Jackson 3's JsonNode refuses to coerce an object or a word to
            // a number or a string where Jackson 2 gave 0 or "")
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why this head must not be used with a scorer that normalizes text as {@code scorerNormalization}, or empty
     * when it may. A head whose recorded normalization differs is always refused: it learned from the features of
     * other tokens. One that records none (trained before the record existed, perhaps on raw layout) is refused
     * only when {@code requireRecord}.
     *
     * @param scorerNormalization the scorer's {@code ScorerInfo.textNormalization()}
     * @param requireRecord       whether a head without a record is refused
     */
    public Optional<String> refusal(String scorerNormalization, boolean requireRecord) {
        if (textNormalization.isPresent()) {
            return textNormalization.get().equals(scorerNormalization) ? Optional.empty()
                    : Optional.of("pawn.json records the text normalization '" + textNormalization.get()
                            + "', but the scorer applies '" + scorerNormalization + "': the head learned from the"
                            + " features of other tokens. Retrain it on a feature cache of this scorer"
                            + " (cache-features, then training/train_pawn.py)");
        }
        return requireRecord ? Optional.of("pawn.json records no text normalization (a head trained before it was"
                + " recorded, perhaps on raw layout), and the scorer applies '" + scorerNormalization + "': retrain it"
                + " on a feature cache of this scorer (cache-features, then training/train_pawn.py)")
                : Optional.empty();
    }

    /**
     * The digest train_pawn.py records of the documents a head trained on: the sha256 (hex) of the distinct hashed
     * document keys, sorted, joined by "\n" (UTF-8). In Python:
     * {@code hashlib.sha256("\n".join(sorted(set(keys))).encode()).hexdigest()}.
     *
     * @param documentHashes each train document's hashed key (CalibrationFile.SplitRecord.hash), repeats allowed
     */
    public static String digest(Collection<String> documentHashes) {
        String joined = String.join("\n", new TreeSet<>(documentHashes));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
