package io.textprovenance.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model directory's {@code model.json}: what the scorer needs to know about the model, and the
 * sha256 of every artifact, checked when the model is loaded.
 *
 * <p>Keys read: {@code name}, {@code version}, {@code format} ("scoring-graph", the default, or
 * "logits"), {@code vocab_size}, {@code context_length}, {@code hidden_size} (0 if unknown),
 * {@code bos_token_id}, {@code clip_nats}, {@code sha256} (file name to hex digest; must name
 * {@code model.onnx} and {@code tokenizer.json}). Other keys are kept out of this record.
 *
 * @param directory     the model directory
 * @param name          model name
 * @param version       model version
 * @param format        what the graph outputs
 * @param vocabSize     V
 * @param contextLength the longest input, in tokens, including the BOS token
 * @param hiddenSize    width of the last hidden state
 * @param bosTokenId    token prepended to every document, so that its first token is scored too
 * @param clipNats      clipping level c of the clipped moments
 * @param sha256        file name to lowercase hex sha256
 */
public record ModelManifest(Path directory, String name, String version, ModelFormat format, int vocabSize,
                            int contextLength, int hiddenSize, long bosTokenId, double clipNats,
                            Map<String, String> sha256) {

    public static final String MANIFEST = "model.json";
    public static final String MODEL = "model.onnx";
    public static final String TOKENIZER = "tokenizer.json";

    public ModelManifest {
        sha256 = Map.copyOf(sha256);
        if (vocabSize < 2 || contextLength < 4 || hiddenSize < 0 || bosTokenId < 0 || bosTokenId >= vocabSize) {
            throw new IllegalArgumentException("inconsistent model.json in " + directory + ": vocab_size "
                    + vocabSize + ", context_length " + contextLength + ", hidden_size " + hiddenSize
                    + ", bos_token_id " + bosTokenId);
        }
        if (!(clipNats > 0) || !Double.isFinite(clipNats)) {
            throw new IllegalArgumentException("clip_nats must be finite and > 0 in " + directory);
        }
    }

    /**
     * Reads {@code model.json} from {@code directory} and checks the sha256 of every file it names.
     *
     * @throws IllegalStateException naming the file, if a file is missing, unreadable or altered
     */
    public static ModelManifest load(Path directory) {
        Path manifestFile = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalStateException("no " + MANIFEST + " in model directory " + directory.toAbsolutePath());
        }
        ModelManifest manifest;
        try {
            JsonNode json = JsonMapper.shared().readTree(manifestFile);
            Map<String, String> digests = new LinkedHashMap<>();
            json.path("sha256").properties().forEach(e -> digests.put(e.getKey(), e.getValue().asString()));
            for (String required : new String[] {MODEL, TOKENIZER}) {
                if (!digests.containsKey(required)) {
                    throw new IllegalStateException(manifestFile + " has no sha256 for " + required);
                }
            }
            manifest = new ModelManifest(directory, required(json, "name", manifestFile).asString(),
                    required(json, "version", manifestFile).asString(),
                    parseFormat(json.path("format").asString("scoring-graph")),
                    required(json, "vocab_size", manifestFile).asInt(),
                    required(json, "context_length", manifestFile).asInt(), json.path("hidden_size").asInt(0),
                    required(json, "bos_token_id", manifestFile).asLong(),
                    required(json, "clip_nats", manifestFile).asDouble(), digests);
        } catch (JacksonException e) {
            // not JSON, or a value of the wrong type (Jackson 3's JsonNode refuses to coerce an object or a word to
            // a number or a string where Jackson 2 gave 0 or "")
            throw new IllegalStateException("cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        manifest.verifyFiles();
        return manifest;
    }

    public Path modelFile() {
        return directory.resolve(MODEL);
    }

    public Path tokenizerFile() {
        return directory.resolve(TOKENIZER);
    }

    /** The first 12 hex digits of the model's sha256, for verdicts and logs. */
    public String shortSha() {
        return sha256.get(MODEL).substring(0, 12);
    }

    private void verifyFiles() {
        sha256.forEach((file, expected) -> {
            Path path = directory.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("model file " + path.toAbsolutePath() + " named in " + MANIFEST
                        + " is missing");
            }
            String actual = digest(path);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IllegalStateException("sha256 of " + path.toAbsolutePath() + " is " + actual + " but "
                        + MANIFEST + " says " + expected + ": the file was altered or belongs to another model");
            }
        });
    }

    /** The lowercase hex sha256 of a file. */
    public static String digest(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static JsonNode required(JsonNode json, String key, Path file) {
        JsonNode node = json.get(key);
        if (node == null || node.isNull()) {
            throw new IllegalStateException(file + " lacks the required key '" + key + "'");
        }
        return node;
    }

    private static ModelFormat parseFormat(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "scoring-graph" -> ModelFormat.SCORING_GRAPH;
            case "logits" -> ModelFormat.LOGITS;
            default -> throw new IllegalStateException("unknown model format '" + value
                    + "' in model.json: expected scoring-graph or logits");
        };
    }
}
