package io.textprovenance.verdict.calibration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code calibration.json}: what the evaluation fitted on a data set's calibration split, and what the service
 * reads to give p-values. The one binding of the file: {@link #read} and {@link #write} are its only reader and
 * writer (the evaluation writes, the service reads, {@code evaluation/summarize.py} reads the same names).
 *
 * <p>Format {@value #FORMAT_VERSION} (camelCase throughout). Files without {@code formatVersion} are format 1
 * (snake_case inside each score, written before this class) and are read through {@link LegacyFormat}.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param model         the backbone's name, version and short sha256, for people
 * @param modelSha256   the sha256 of the backbone's model.onnx the scores were computed with (required)
 * @param pawnSha256    the sha256 of the pawn.onnx whose scores are the "pawn" entry; null without a head
 * @param maxTokens     every score was computed on at most this many first tokens of a text
 * @param targetFpr     the false-positive rate the thresholds were fitted at, in (0, 1)
 * @param split         the document split the calibration and its check came from; null when not recorded
 * @param testPolicy    the policy thresholds the test-split figures were counted with; null when not recorded
 * @param scores        by detector name (as in {@code DetectorName}), in report order
 */
@JsonPropertyOrder({"formatVersion", "model", "modelSha256", "pawnSha256", "maxTokens", "targetFpr", "split",
        "testPolicy", "scores"})
public record CalibrationFile(int formatVersion, String model, String modelSha256, String pawnSha256, int maxTokens,
                              double targetFpr, @JsonInclude(JsonInclude.Include.NON_NULL) SplitRecord split,
                              @JsonInclude(JsonInclude.Include.NON_NULL) TestPolicy testPolicy,
                              Map<String, ScoreCalibration> scores) {

    public static final int FORMAT_VERSION = 2;

    /**
     * Jackson 3 with Jackson 2's defaults, so that the file is read and written as before: byte for byte the same
     * output (properties in declaration order, characters outside the BMP escaped as surrogate pairs), unknown
     * properties refused (Jackson 3 ignores them by default; {@link #read} names them) and a missing number read
     * as 0, to be refused by the records' own checks (Jackson 3 fails on it first).
     */
    private static final JsonMapper JSON = JsonMapper.builderWithJackson2Defaults()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * @throws IllegalArgumentException naming the field when the version is not {@value #FORMAT_VERSION}, the
     *                                  backbone's sha256 is missing, the target FPR is outside (0, 1) or a
     *                                  score is missing
     */
    public CalibrationFile {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + formatVersion + " is not supported: this build"
                    + " reads format 1 (no formatVersion) and " + FORMAT_VERSION);
        }
        if (modelSha256 == null || modelSha256.isBlank()) {
            throw new IllegalArgumentException("the calibration has no modelSha256: it does not say which model it"
                    + " was made for");
        }
        if (!(targetFpr > 0 && targetFpr < 1)) {
            throw new IllegalArgumentException("targetFpr must be in (0, 1), got " + targetFpr);
        }
        Objects.requireNonNull(scores, "scores");
        scores.forEach((name, score) -> Objects.requireNonNull(score, () -> "score '" + name + "' is null"));
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));   // keeps the report's order
    }

    /**
     * The policy thresholds the test-split figures ({@link ScoreCalibration#test()}) were counted with.
     *
     * @param minTokens       shorter texts were "uncertain"
     * @param machinePValue   "machine" at a p-value against human texts at most this
     * @param humanMissPValue "human" at a p-value against machine texts at most this
     */
    public record TestPolicy(int minTokens, double machinePValue, double humanMissPValue) {
    }

    /**
     * The seeded split by human document the file was fitted on (docs/evaluation.md, "Splits"), so that applying
     * the file to a data set can leave out what it has seen: the documents a PAWN head trained on this split
     * learned from, and those whose texts are the references.
     *
     * @param seed                 the split's seed
     * @param trainDocuments       {@link #hash} of each "train" document's key (its first 20 words), sorted
     * @param calibrationDocuments {@link #hash} of each "calibration" document's key, sorted
     */
    public record SplitRecord(long seed, List<String> trainDocuments, List<String> calibrationDocuments) {

        public SplitRecord {
            trainDocuments = trainDocuments == null ? List.of() : List.copyOf(trainDocuments);
            calibrationDocuments = calibrationDocuments == null ? List.of() : List.copyOf(calibrationDocuments);
        }

        /** The first 16 hex digits of the sha256 of a document key's UTF-8 bytes. */
        public static String hash(String documentKey) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(documentKey.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Reads a calibration file of format 1 or {@value #FORMAT_VERSION}.
     *
     * @throws IOException when the file cannot be read, is not JSON, or does not bind (unknown or invalid
     *                     fields, with the field in the message)
     */
    public static CalibrationFile read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        try {
            JsonNode root = JSON.readTree(content);
            if (!(root instanceof ObjectNode object)) {
                throw new IOException(file + " is not a JSON object");
            }
            JsonNode version = object.get("formatVersion");
            return JSON.treeToValue(version == null ? LegacyFormat.upgrade(object) : object, CalibrationFile.class);
        } catch (JacksonException e) {
            // unchecked in Jackson 3: still an IOException here, as documented
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Writes the file in format {@value #FORMAT_VERSION}, creating its directory. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, JSON.writeValueAsBytes(this));
    }

    /** The same file with another split record. */
    public CalibrationFile withSplit(SplitRecord value) {
        return new CalibrationFile(formatVersion, model, modelSha256, pawnSha256, maxTokens, targetFpr, value, testPolicy,
                scores);
    }
}
