package io.textprovenance.evaluation.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.textprovenance.evaluation.Arguments;
import io.textprovenance.scoring.ExecutionDevice;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.BatchingSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens per second of the Java scorer against raw {@code OrtSession.run} on the same batches, and
 * against the PyTorch forward of the same model (measured by {@code training/bench_torch.py} in the same
 * run and passed in as JSON), at batch sizes 1, 8 and 32 with windows of T tokens; plus the bytes
 * copied out of the runtime per token. A main, not a unit test: run {@code bench/run-benchmark.sh}.
 *
 * <p>"Ours" is the full path a caller sees: B concurrent callers each score a document of T - 1 tokens
 * (BOS makes T), through the batcher, the runtime, the copy out and the assembly of per-token records.
 * "Raw" feeds the same [B, T] input to a session built with the same options and requests the same
 * outputs, reading nothing back.
 */
public final class ScorerBenchmark {

    static final String USAGE = "ScorerBenchmark [--model DIR] [--length T] [--seconds S] [--batches 1,8,32]"
            + " [--torch FILE.json] [--out FILE.md]";

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args, USAGE, "model", "length", "seconds", "batches", "torch", "out");
        Path model = arguments.path("model", "models/tiny");
        int length = arguments.integer("length", 256);
        double seconds = arguments.decimal("seconds", 10);
        int threads = Runtime.getRuntime().availableProcessors();
        JsonNode torch = arguments.text("torch", "").isEmpty() ? null
                : JsonMapper.shared().readTree(Path.of(arguments.text("torch", "")).toFile());
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Model %s, T = %d, %d intra-op threads, %s, %.0f s per cell.%n%n",
                model, length, threads, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                seconds));
        double gflopsPerToken = 2e-9 * JsonMapper.shared().readTree(model.resolve(ModelManifest.MANIFEST).toFile())
                .path("parameter_count").asDouble(Double.NaN);
        double peak = torch == null ? Double.NaN : torch.path("gemm_peak_gflops").asDouble(Double.NaN);
        table.append(String.format(Locale.ROOT, "Model FLOPs per token 2 x parameters = %.3f GFLOP; float32 GEMM peak"
                + " measured in the same run (torch.mm 2048 x 2048): %.0f GFLOP/s.%n%n", gflopsPerToken, peak));
        table.append("| batch | ours (tokens/s) | raw session.run (tokens/s) | PyTorch forward (tokens/s) |"
                + " ours / raw | ours / PyTorch | ours: model FLOP/s / GEMM peak | bytes out per token |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (String batchText : arguments.text("batches", "1,8,32").split(",")) {
            int batch = Integer.parseInt(batchText.trim());
            double raw = rawTokensPerSecond(model, batch, length, threads, seconds);
            Measured ours = oursTokensPerSecond(model, batch, length, threads, seconds);
            double pytorch = torch == null ? Double.NaN : torch.path(String.valueOf(batch)).asDouble(Double.NaN);
            String utilisation = Double.isNaN(gflopsPerToken * peak) ? "n/a"
                    : String.format(Locale.ROOT, "%.0f%%", 100 * ours.tokensPerSecond() * gflopsPerToken / peak);
            table.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %.2f | %s | %s | %.1f |%n", batch,
                    ours.tokensPerSecond(), raw, Double.isNaN(pytorch) ? "n/a" : String.format(Locale.ROOT, "%.0f",
                            pytorch), ours.tokensPerSecond() / raw, Double.isNaN(pytorch) ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", ours.tokensPerSecond() / pytorch),
                    utilisation, ours.bytesPerToken()));
        }
        System.out.println(table);
        Path out = arguments.path("out", "evaluation/target/benchmark.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table.toString());
    }

    static long[][] windows(int batch, int length, int vocabulary, long bos) {
        Random random = new Random(42);
        long[][] ids = new long[batch][length];
        for (long[] row : ids) {
            row[0] = bos;
            for (int t = 1; t < length; t++) {
                row[t] = 1 + random.nextInt(vocabulary - 1);
            }
        }
        return ids;
    }

    static double rawTokensPerSecond(Path model, int batch, int length, int threads, double seconds)
            throws OrtException {
        ModelManifest manifest = ModelManifest.load(model);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[][] ids = windows(batch, length, manifest.vocabSize(), manifest.bosTokenId());
        long[] flat = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(ids[b], 0, flat, b * length, length);
        }
        java.util.Arrays.fill(mask, 1);
        Set<String> outputs = Set.copyOf(io.textprovenance.scoring.TokenMetrics.NAMES);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(manifest.modelFile().toString(), options);
                 OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(flat), new long[] {batch, length});
                 OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {batch, length});
                 OnnxTensor clip = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {(float) manifest.clipNats()}),
                         new long[] {1})) {
                Map<String, OnnxTensor> inputs = Map.of("input_ids", input, "attention_mask", attention, "clip_nats", clip);
                session.run(inputs, outputs).close();   // warm-up
                long tokens = 0;
                long start = System.nanoTime();
                while (System.nanoTime() - start < seconds * 1e9) {
                    session.run(inputs, outputs).close();
                    tokens += (long) batch * length;
                }
                return tokens / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    record Measured(double tokensPerSecond, double bytesPerToken) {
    }

    static Measured oursTokensPerSecond(Path model, int batch, int length, int threads, double seconds)
            throws Exception {
        BatchingSettings batching = new BatchingSettings(batch * length, Duration.ofMillis(20), 100_000, 32, 1);
        try (OnnxScorer scorer = OnnxScorer.open(new ScorerSettings(model, ExecutionDevice.AUTO, threads, batching))) {
            long[][] ids = windows(batch, length, scorer.manifest().vocabSize(), scorer.manifest().bosTokenId());
            ExecutorService callers = Executors.newFixedThreadPool(batch);
            try {
                runFor(scorer, ids, callers, 1.0);   // warm-up
                long bytesBefore = scorer.bytesCopiedOut();
                long start = System.nanoTime();
                long tokens = runFor(scorer, ids, callers, seconds);
                double elapsed = (System.nanoTime() - start) / 1e9;
                return new Measured(tokens * (double) length / (length - 1) / elapsed,
                        (scorer.bytesCopiedOut() - bytesBefore) / (double) tokens);
            } finally {
                callers.shutdown();
            }
        }
    }

    /** Each caller scores its document in a loop until the time is up; returns tokens scored. */
    private static long runFor(OnnxScorer scorer, long[][] ids, ExecutorService callers, double seconds)
            throws Exception {
        AtomicLong tokens = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (long[] row : ids) {
            long[] document = java.util.Arrays.copyOfRange(row, 1, row.length);
            running.add(callers.submit(() -> {
                while (System.nanoTime() < end) {
                    tokens.addAndGet(scorer.scoreTokens(document, false).tokensScored());
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return tokens.get();
    }

    private ScorerBenchmark() {
    }
}
