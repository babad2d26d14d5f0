package io.textprovenance.evaluation.cache;

import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.TokenMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a directory written by {@link CacheFeatures} back as the scorer's results, so that the evaluation
 * harness reuses the one scoring pass PAWN was trained from instead of scoring every text again. Texts are
 * found by the sha256 of their UTF-8 bytes; the cache must come from the same model (sha256) and the same
 * token limit, or {@link #open} refuses it. Owns two open file channels: close it.
 */
public final class FeatureCache implements AutoCloseable {

    private final FileChannel metrics;
    private final FileChannel hidden;
    private final FileChannel tokenIds;
    private final int hiddenSize;
    private final int vocabulary;
    private final double clip;
    private final Map<String, Entry> bySha = new HashMap<>();

    private FeatureCache(Path directory, JsonNode meta, List<JsonNode> rows) throws IOException {
        this.hiddenSize = meta.get("hidden_size").asInt();
        this.vocabulary = meta.get("vocab_size").asInt();
        this.clip = meta.get("clip_nats").asDouble();
        for (JsonNode row : rows) {
            bySha.putIfAbsent(row.get("text_sha256").asString(), new Entry(row.get("tokens").asInt(),
                    row.get("windows").asInt(), row.get("metrics_offset").asLong(), row.get("hidden_offset").asLong()));
        }
        this.metrics = FileChannel.open(directory.resolve("metrics.f32"), StandardOpenOption.READ);
        this.hidden = FileChannel.open(directory.resolve("hidden.f32"), StandardOpenOption.READ);
        this.tokenIds = FileChannel.open(directory.resolve("token_ids.i32"), StandardOpenOption.READ);
    }

    /**
     * @throws IllegalArgumentException if the cache is of another format, model or token limit
     */
    public static FeatureCache open(Path directory, ModelManifest model, int maxTokens) throws IOException {
        JsonMapper json = JsonMapper.shared();
        JsonNode meta = json.readTree(Files.readAllBytes(directory.resolve("meta.json")));
        if (meta.path("format_version").asInt() != CacheFeatures.FORMAT_VERSION) {
            throw new IllegalArgumentException(directory + " is a feature cache of format "
                    + meta.path("format_version").asInt(1) + "; this build reads format " + CacheFeatures.FORMAT_VERSION
                    + ": run cache-features again");
        }
        String modelSha = model.sha256().get("model.onnx");
        if (modelSha == null || !meta.path("model").asString().endsWith(" " + modelSha)) {
            throw new IllegalArgumentException(directory + " was cached with " + meta.path("model").asString()
                    + ", not with " + model.name() + " " + model.version() + " " + modelSha);
        }
        if (meta.path("max_tokens").asInt() != maxTokens) {
            throw new IllegalArgumentException(directory + " holds the first " + meta.path("max_tokens").asInt()
                    + " tokens of each text, not " + maxTokens);
        }
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve("index.jsonl"))) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        return new FeatureCache(directory, meta, rows);
    }

    /** The cached result for this text, if it was cached; hidden states only when asked. */
    public Optional<ScoredText> find(String text, boolean withHiddenStates) {
        Entry entry = bySha.get(sha256(text));
        if (entry == null) {
            return Optional.empty();
        }
        int n = entry.tokens();
        int columns = CacheFeatures.METRICS.size();
        float[] rows = readFloats(metrics, entry.metricsOffset() * columns * Float.BYTES, n * columns);
        ByteBuffer ids = read(tokenIds, entry.metricsOffset() * Integer.BYTES, n * Integer.BYTES);
        List<TokenMetrics> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = i * columns;
            tokens.add(new TokenMetrics(ids.getInt(i * Integer.BYTES), 0, 0, rows[r], rows[r + 1], rows[r + 2],
                    rows[r + 3], rows[r + 4], rows[r + 5], rows[r + 6], rows[r + 7]));
        }
        Optional<float[][]> states = Optional.empty();
        if (withHiddenStates) {
            float[] flat = readFloats(hidden, entry.hiddenOffset() * hiddenSize * Float.BYTES, (n + 1) * hiddenSize);
            float[][] matrix = new float[n + 1][hiddenSize];
            for (int i = 0; i <= n; i++) {
                System.arraycopy(flat, i * hiddenSize, matrix[i], 0, hiddenSize);
            }
            states = Optional.of(matrix);
        }
        return Optional.of(new ScoredText(tokens, entry.windows(), clip, vocabulary, states));
    }

    public int size() {
        return bySha.size();
    }

    /** Lowercase hex sha256 of the text's UTF-8 bytes: how the cache's index names a text. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static float[] readFloats(FileChannel channel, long position, int count) {
        float[] values = new float[count];
        read(channel, position, count * Float.BYTES).asFloatBuffer().get(values);
        return values;
    }

    private static ByteBuffer read(FileChannel channel, long position, int bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IllegalStateException("feature cache file ends early at byte " + (position + buffer.position()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        try (metrics; hidden; tokenIds) {
            // closes all three, even if one fails
        }
    }

    private record Entry(int tokens, int windows, long metricsOffset, long hiddenOffset) {
    }
}
