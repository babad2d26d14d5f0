package io.textprovenance.evaluation.cache;

import io.textprovenance.evaluation.Arguments;
import io.textprovenance.evaluation.data.DetectionData;
import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.evaluation.data.DocumentSplit;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.scoring.tokenizer.TokenizedText;
import io.textprovenance.verdict.calibration.CalibrationFile;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cache-features --data DIR --out DIR}: runs the project's own scorer over a labeled data set and
 * writes what PAWN trains on, so the head always sees exactly the features the service computes.
 *
 * <p>Format (little-endian float32, C order), in the output directory:
 * <ul>
 *   <li>{@code meta.json}: model name and sha256, hidden size d, vocabulary, clipping level, metric names,
 *       max tokens, counts, the scorer's {@code text_normalization} (a head trained on the cache records it; the
 *       service refuses a head of another normalization) and the {@code split_seed}.</li>
 *   <li>{@code metrics.f32}: for each unique text, [n, 8] rows (log-probability, entropy, varentropy, max
 *       log-probability, rank / V, top-p mass, clipped mean, clipped variance: {@link #METRICS}) of its
 *       first n &lt;= max tokens. PAWN reads five of them by name; {@link FeatureCache} rebuilds the
 *       scorer's whole result from all eight, so the evaluation harness need not score twice.</li>
 *   <li>{@code token_ids.i32}: for each unique text, its n token ids (little-endian int32).</li>
 *   <li>{@code hidden.f32}: for each unique text, [n + 1, d] last hidden states (row 0 = BOS position,
 *       row i + 1 = position of token i; PAWN's gate for token i reads rows i and i + 1).</li>
 *   <li>{@code index.jsonl}: one line per labeled text: label (1 = machine), generator, domain, source,
 *       pair, split (train/calibration/test by human document), {@code document} (the hashed key of that human
 *       document, as calibration.json records its split; train_pawn.py digests the train side's into pawn.json),
 *       {@code text_sha256} (UTF-8), and
 *       {@code feature}: the number of its unique text in the arrays, with {@code tokens},
 *       {@code windows} and the row offsets {@code metrics_offset} (also the offset in token_ids.i32),
 *       {@code hidden_offset} (rows, not bytes).</li>
 * </ul>
 */
public final class CacheFeatures {

    static final String USAGE = "cache-features --data DIR --out DIR [--model models/tiny] [--max-tokens 512]"
            + " [--seed 2025] [--max-pairs-per-file N] [--reindex true] [--reuse DIR]";
    static final List<String> METRICS = TokenMetrics.NAMES;
    static final int FORMAT_VERSION = 2;

    /**
     * Jackson 3 with Jackson 2's defaults: index.jsonl and meta.json byte for byte as before (train_pawn.py reads
     * them), e.g. characters outside the BMP in meta.json still escaped as surrogate pairs.
     */
    private static final JsonMapper JSON = JsonMapper.builderWithJackson2Defaults().build();

    /**
     * An older cache's result for this text, when the scorer tokenizes it to exactly the ids that cache scored
     * (same model and token limit, checked when it is opened): the metrics and hidden states are a function of
     * the ids alone, so they are reused instead of scored again (e.g. after a change of text normalization).
     */
    public static Optional<ScoredText> reusable(FeatureCache cache, String text, long[] ids) {
        if (cache == null) {
            return Optional.empty();
        }
        return cache.find(text, true).filter(cached -> {
            long[] cachedIds = cached.tokens().stream().mapToLong(TokenMetrics::tokenId).toArray();
            return Arrays.equals(cachedIds, ids);
        });
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args, USAGE, "data", "out", "model", "max-tokens", "seed", "max-pairs-per-file",
                "reindex", "reuse");
        Path out = arguments.path("out", "training/work/features");
        int maxTokens = arguments.integer("max-tokens", 512);
        List<LabeledText> texts = DetectionData.samplePairs(
                DetectionData.readDirectory(arguments.path("data", "../shared/data/detection")),
                arguments.integer("max-pairs-per-file", 0), arguments.integer("seed", 2025));
        DocumentSplit split = new DocumentSplit(texts, arguments.integer("seed", 2025));
        if (arguments.flag("reindex")) {
            reindex(out, texts, split);
            return;
        }
        Files.createDirectories(out);
        Map<String, long[]> features = new HashMap<>();   // text -> {feature, tokens, metricsOffset, hiddenOffset}
        long metricRows = 0;
        long hiddenRows = 0;
        int hiddenSize;
        int vocabulary;
        double clip;
        String model;
        String normalization;
        try (OnnxScorer scorer = OnnxScorer.open(ScorerSettings.defaults(arguments.path("model", "models/tiny")));
             DataOutputStream metrics = stream(out.resolve("metrics.f32"));
             DataOutputStream hidden = stream(out.resolve("hidden.f32"));
             DataOutputStream ids = stream(out.resolve("token_ids.i32"));
             BufferedWriter index = Files.newBufferedWriter(out.resolve("index.jsonl"));
             FeatureCache reuse = arguments.text("reuse", "").isEmpty() ? null
                     : FeatureCache.open(Path.of(arguments.text("reuse", "")), scorer.manifest(), maxTokens)) {
            hiddenSize = scorer.manifest().hiddenSize();
            vocabulary = scorer.manifest().vocabSize();
            clip = scorer.manifest().clipNats();
            normalization = scorer.info().textNormalization();
            model = scorer.manifest().name() + " " + scorer.manifest().version() + " " + scorer.manifest().sha256().get("model.onnx");
            long started = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                LabeledText text = texts.get(i);
                long[] feature = features.get(text.text());
                if (feature == null) {
                    TokenizedText tokens = scorer.tokenize(text.text());
                    long[] read = Arrays.copyOf(tokens.ids(), Math.min(maxTokens, tokens.size()));
                    ScoredText scored = reusable(reuse, text.text(), read).orElseGet(() -> scorer.scoreTokens(read, true));
                    feature = new long[] {features.size(), scored.tokensScored(), metricRows, hiddenRows,
                        scored.windows()};
                    features.put(text.text(), feature);
                    writeMetrics(metrics, ids, scored.tokens());
                    for (float[] row : scored.hiddenStates().orElseThrow()) {
                        writeFloats(hidden, row);
                    }
                    metricRows += scored.tokensScored();
                    hiddenRows += scored.tokensScored() + 1;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("label", text.machine() ? 1 : 0);
                row.put("generator", text.generator());
                row.put("domain", text.domain());
                row.put("source", text.source());
                row.put("pair", text.pair());
                row.put("split", split.splitOf(text));
                row.put("document", CalibrationFile.SplitRecord.hash(split.documentOf(text)));
                row.put("text_sha256", FeatureCache.sha256(text.text()));
                row.put("feature", feature[0]);
                row.put("tokens", feature[1]);
                row.put("windows", feature[4]);
                row.put("metrics_offset", feature[2]);
                row.put("hidden_offset", feature[3]);
                index.write(JSON.writeValueAsString(row));
                index.newLine();
                if ((i + 1) % 100 == 0 || i + 1 == texts.size()) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.err.printf("\rcached %d/%d texts (%d unique, %.0f tokens/s)   ", i + 1, texts.size(),
                            features.size(), metricRows / Math.max(seconds, 1e-9));
                }
            }
            System.err.println();
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format_version", FORMAT_VERSION);
        meta.put("model", model);
        meta.put("hidden_size", hiddenSize);
        meta.put("vocab_size", vocabulary);
        meta.put("clip_nats", clip);
        meta.put("text_normalization", normalization);
        meta.put("split_seed", split.seed());
        meta.put("metrics", METRICS);
        meta.put("max_tokens", maxTokens);
        meta.put("texts", texts.size());
        meta.put("unique_texts", features.size());
        meta.put("metric_rows", metricRows);
        meta.put("hidden_rows", hiddenRows);
        meta.put("byte_order", "little-endian float32");
        Files.write(out.resolve("meta.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
        System.err.println("wrote " + out);
    }

    /**
     * Rewrites the label columns (generator, domain, source, pair), the split and the document of an existing
     * cache's index.jsonl and the split seed in its meta.json (after a change of the split rule, the seed or the
     * file-name parsing), without scoring again. The data must be the cache's: same texts in the same order.
     */
    static void reindex(Path out, List<LabeledText> texts, DocumentSplit split) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("index.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() != texts.size()) {
            throw new IllegalArgumentException(out + "/index.jsonl has " + lines.size() + " rows but the data has "
                    + texts.size() + " texts: not the data this cache was made from");
        }
        List<String> rewritten = new ArrayList<>(lines.size());
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode row = (ObjectNode) JSON.readTree(lines.get(i));
            if (!row.path("text_sha256").asString().equals(FeatureCache.sha256(texts.get(i).text()))) {
                throw new IllegalArgumentException("row " + (i + 1) + " of " + out + "/index.jsonl is another text"
                        + " than the data's: not the data this cache was made from");
            }
            String side = split.splitOf(texts.get(i));
            if (!side.equals(row.path("split").asString())) {
                moved.merge(row.path("split").asString() + " -> " + side, 1, Integer::sum);
            }
            row.put("split", side);
            row.put("document", CalibrationFile.SplitRecord.hash(split.documentOf(texts.get(i))));
            row.put("generator", texts.get(i).generator());
            row.put("domain", texts.get(i).domain());
            row.put("source", texts.get(i).source());
            row.put("pair", texts.get(i).pair());
            rewritten.add(JSON.writeValueAsString(row));
        }
        Files.write(out.resolve("index.jsonl"), rewritten);
        ObjectNode meta = (ObjectNode) JSON.readTree(Files.readAllBytes(out.resolve("meta.json")));
        meta.put("split_seed", split.seed());
        Files.write(out.resolve("meta.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
        System.err.println("re-split " + out + "/index.jsonl: " + (moved.isEmpty() ? "no change" : moved));
    }

    private static void writeMetrics(DataOutputStream out, DataOutputStream ids, List<TokenMetrics> tokens)
            throws IOException {
        float[] row = new float[METRICS.size()];
        ByteBuffer id = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (TokenMetrics token : tokens) {
            row[0] = token.logProb();
            row[1] = token.entropy();
            row[2] = token.varentropy();
            row[3] = token.maxLogProb();
            row[4] = token.rankFraction();
            row[5] = token.topPMass();
            row[6] = token.clippedMean();
            row[7] = token.clippedVariance();
            writeFloats(out, row);
            ids.write(id.putInt(0, Math.toIntExact(token.tokenId())).array());
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static DataOutputStream stream(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new BufferedOutputStream(raw, 1 << 20));
    }

    private CacheFeatures() {
    }
}
