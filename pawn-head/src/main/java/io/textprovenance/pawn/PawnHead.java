package io.textprovenance.pawn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScoringException;
import io.textprovenance.scoring.TokenMetrics;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PAWN head on ONNX Runtime: owns its environment reference, session options and session, released
 * once by {@link #close}. Thread-safe (ORT's {@code run} is).
 *
 * <p>Inputs per document: metrics [1,T,5] (log-probability, entropy, max log-probability, rank / V,
 * top-p mass), hidden [1,T+1,d] (row 0 = BOS position) and mask [1,T]; outputs probability [1] and
 * token_weights [1,T]. Only the first {@link #MAX_TOKENS} tokens are read, as in training; the result says
 * how many.
 */
public final class PawnHead implements AutoCloseable {

    public static final int MAX_TOKENS = 512;

    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final int hiddenSize;
    private final String sha256;
    private final PawnCard card;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PawnHead(OrtEnvironment environment, OrtSession.SessionOptions options, OrtSession session, int hiddenSize,
                     String sha256, PawnCard card) {
        this.environment = environment;
        this.options = options;
        this.session = session;
        this.hiddenSize = hiddenSize;
        this.sha256 = sha256;
        this.card = card;
    }

    /**
     * Loads {@code pawn.onnx} with its {@code pawn.json} from {@code directory}, checking its sha256 and that
     * it was trained on the backbone {@code backbone} (the sha256 of that model must appear in pawn.json). Whether
     * it fits the scorer's text normalization is the caller's to check, before opening: {@link PawnCard#refusal}.
     *
     * @throws IllegalStateException naming the file, if missing, altered or trained on another backbone
     */
    public static PawnHead open(Path directory, ModelManifest backbone, int intraOpThreads) {
        Path model = directory.resolve("pawn.onnx");
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("no pawn.onnx in " + directory.toAbsolutePath());
        }
        PawnCard card = PawnCard.read(directory);
        String actual = ModelManifest.digest(model);
        if (!actual.equalsIgnoreCase(card.sha256())) {
            throw new IllegalStateException("sha256 of " + model.toAbsolutePath() + " is " + actual + " but pawn.json says "
                    + card.sha256());
        }
        String backboneSha = backbone.sha256().get(ModelManifest.MODEL);
        if (!card.backbone().contains(backboneSha)) {
            throw new IllegalStateException(model + " was trained on backbone '" + card.backbone()
                    + "', not on " + backbone.name() + " (sha256 " + backboneSha + "): retrain it on this model's features");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors());
            OrtSession session = environment.createSession(model.toString(), options);
            return new PawnHead(environment, options, session, backbone.hiddenSize(), actual.toLowerCase(Locale.ROOT),
                    card);
        } catch (OrtException e) {
            options.close();
            environment.close();
            throw new IllegalStateException("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    /** The sha256 of the loaded pawn.onnx (checked against pawn.json at load), lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** What pawn.json records about the head. */
    public PawnCard card() {
        return card;
    }

    /**
     * @param scored a document scored with hidden states, at least one token
     * @throws IllegalArgumentException if the document has no tokens or no hidden states
     */
    public PawnResult score(ScoredText scored) {
        if (closed.get()) {
            throw new IllegalStateException("the PAWN head is closed");
        }
        float[][] hidden = scored.hiddenStates().orElseThrow(() -> new IllegalArgumentException(
                "PAWN needs the hidden states: score the text with withHiddenStates = true"));
        int n = Math.min(scored.tokensScored(), MAX_TOKENS);
        if (n == 0) {
            throw new IllegalArgumentException("PAWN needs at least one scored token");
        }
        if (hidden.length < n + 1) {
            throw new IllegalArgumentException("PAWN reads the first " + n + " tokens, but the text was scored with"
                    + " hidden states for " + (hidden.length - 1) + ": score it with hidden states for at least "
                    + MAX_TOKENS + " tokens");
        }
        if (hidden[0].length != hiddenSize) {
            throw new IllegalArgumentException("hidden states of width " + hidden[0].length + ", PAWN expects " + hiddenSize);
        }
        float[] metrics = new float[n * 5];
        for (int i = 0; i < n; i++) {
            TokenMetrics token = scored.tokens().get(i);
            metrics[i * 5] = token.logProb();
            metrics[i * 5 + 1] = token.entropy();
            metrics[i * 5 + 2] = token.maxLogProb();
            metrics[i * 5 + 3] = token.rankFraction();
            metrics[i * 5 + 4] = token.topPMass();
        }
        float[] states = new float[(n + 1) * hiddenSize];
        for (int p = 0; p <= n; p++) {
            System.arraycopy(hidden[p], 0, states, p * hiddenSize, hiddenSize);
        }
        float[] mask = new float[n];
        java.util.Arrays.fill(mask, 1f);
        try (OnnxTensor metricTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(metrics), new long[] {1, n, 5});
             OnnxTensor hiddenTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(states),
                     new long[] {1, n + 1, hiddenSize});
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(mask), new long[] {1, n});
             OrtSession.Result result = session.run(Map.of("metrics", metricTensor, "hidden", hiddenTensor,
                     "mask", maskTensor))) {
            float probability = ((OnnxTensor) result.get("probability").orElseThrow()).getFloatBuffer().get(0);
            FloatBuffer weights = ((OnnxTensor) result.get("token_weights").orElseThrow()).getFloatBuffer();
            float[] tokenWeights = new float[n];
            weights.get(tokenWeights);
            return new PawnResult(probability, n, tokenWeights);
        } catch (OrtException e) {
            throw new ScoringException("ONNX Runtime failed in the PAWN head: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the PAWN session failed", e);
        } finally {
            options.close();
            environment.close();
        }
    }
}
