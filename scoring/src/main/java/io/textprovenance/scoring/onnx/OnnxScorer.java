package io.textprovenance.scoring.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.textprovenance.scoring.ModelFormat;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.scoring.ScorerInfo;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.DynamicBatcher;
import io.textprovenance.scoring.batch.ModelRunner;
import io.textprovenance.scoring.batch.WindowResult;
import io.textprovenance.scoring.tokenizer.HuggingFaceBpeTokenizer;
import io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer;
import io.textprovenance.scoring.tokenizer.TokenizedText;
import io.textprovenance.scoring.tokenizer.Tokenizer;
import io.textprovenance.scoring.window.Window;
import io.textprovenance.scoring.window.Windower;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer on ONNX Runtime. Owns, in order of acquisition, the tokenizer, a reference to the ORT
 * environment, the session options, the session and the batcher's threads; {@link #close} releases
 * them in reverse, once. One session serves every caller: ORT's {@code run} is thread-safe, and
 * concurrency is bounded upstream by the batcher's queue.
 */
public final class OnnxScorer implements Scorer {

    private static final Logger log = LoggerFactory.getLogger(OnnxScorer.class);

    private final ModelManifest manifest;
    private final Tokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final ModelRunner runner;
    private final DynamicBatcher batcher;
    private final DocumentAssembler assembler;
    private final String device;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxScorer(ModelManifest manifest, Tokenizer tokenizer, OrtEnvironment environment,
                       Sessions.Configured configured, OrtSession session, ScorerSettings settings) {
        this.manifest = manifest;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.options = configured.options();
        this.device = configured.device();
        this.session = session;
        this.runner = manifest.format() == ModelFormat.SCORING_GRAPH
                ? new ScoringGraphRunner(environment, session, manifest)
                : new LogitsRunner(environment, session, manifest);
        this.batcher = new DynamicBatcher(runner, settings.batching());
        this.assembler = new DocumentAssembler(manifest, new Windower(manifest.contextLength()));
    }

    /**
     * Loads the model directory (checking every sha256), the tokenizer and the session.
     *
     * @throws IllegalStateException with the reason, if anything is missing, altered or inconsistent
     */
    public static OnnxScorer open(ScorerSettings settings) {
        ModelManifest manifest = ModelManifest.load(settings.modelDirectory());
        Tokenizer tokenizer = new LayoutNormalizingTokenizer(HuggingFaceBpeTokenizer.load(manifest.tokenizerFile()));
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        Sessions.Configured configured = null;
        OrtSession session = null;
        try {
            configured = Sessions.options(settings);
            session = environment.createSession(manifest.modelFile().toString(), configured.options());
            OnnxScorer scorer = new OnnxScorer(manifest, tokenizer, environment, configured, session, settings);
            log.info("loaded model {} {} (sha256 {}) from {} as {} on {} with {} intra-op threads", manifest.name(),
                    manifest.version(), manifest.shortSha(), manifest.directory(), manifest.format(),
                    configured.device(), settings.effectiveIntraOpThreads());
            return scorer;
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, configured, environment, tokenizer, e);
            if (e instanceof OrtException) {
                throw new IllegalStateException("ONNX Runtime cannot load " + manifest.modelFile() + ": "
                        + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public ScoredText score(String text, boolean withHiddenStates) {
        requireOpen();
        TokenizedText tokens = tokenizer.encode(text);
        return scoreTokenized(tokens, withHiddenStates ? tokens.size() : 0, withHiddenStates);
    }

    /**
     * Scores every token and returns the hidden states of the BOS position and the first
     * {@code hiddenStateTokens} tokens only; only the windows that hold those positions ask the model for them.
     */
    @Override
    public ScoredText score(String text, int hiddenStateTokens) {
        requireOpen();
        if (hiddenStateTokens < 0) {
            throw new IllegalArgumentException("hiddenStateTokens must be at least 0, got " + hiddenStateTokens);
        }
        TokenizedText tokens = tokenizer.encode(text);
        return scoreTokenized(tokens, Math.min(hiddenStateTokens, tokens.size()), hiddenStateTokens > 0);
    }

    @Override
    public TokenizedText tokenize(String text) {
        requireOpen();
        return tokenizer.encode(text);
    }

    @Override
    public ScoredText scoreTokens(long[] tokenIds, boolean withHiddenStates) {
        requireOpen();
        for (long id : tokenIds) {
            if (id < 0 || id >= manifest.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary [0, "
                        + manifest.vocabSize() + ")");
            }
        }
        return scoreTokenized(new TokenizedText(tokenIds, new int[tokenIds.length], new int[tokenIds.length]),
                withHiddenStates ? tokenIds.length : 0, withHiddenStates);
    }

    /**
     * @param hiddenTokens     return the hidden states of the BOS position and the first hiddenTokens tokens
     * @param withHiddenStates whether hidden states were asked for at all (an empty text then gets the BOS row)
     */
    private ScoredText scoreTokenized(TokenizedText tokens, int hiddenTokens, boolean withHiddenStates) {
        long[] input = new long[tokens.size() + 1];
        input[0] = manifest.bosTokenId();
        System.arraycopy(tokens.ids(), 0, input, 1, tokens.size());
        List<Window> windows = assembler.plan(input.length);
        if (windows.isEmpty()) {
            return assembler.empty(withHiddenStates);
        }
        List<long[]> slices = new ArrayList<>(windows.size());
        for (Window window : windows) {
            slices.add(Arrays.copyOfRange(input, window.start(), window.end()));
        }
        // a window holds hidden rows for positions scoredFrom..end-1 (and the first, row 0): ask only those that
        // hold a position up to hiddenTokens
        List<WindowResult> results = Futures.joinAll(batcher.submit(slices,
                w -> hiddenTokens > 0 && (w == 0 || windows.get(w).scoredFrom() <= hiddenTokens)));
        return assembler.assemble(tokens, windows, results, hiddenTokens);
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    /** "cpu" or "cuda". */
    public String device() {
        return device;
    }

    @Override
    public ScorerInfo info() {
        return new ScorerInfo(manifest, device, LayoutNormalizingTokenizer.VERSION, batcher.queuedWindows(),
                batcher.batches(), batcher.windowsRun());
    }

    /** The batcher, for metrics (queue length, batches run). */
    public DynamicBatcher batcher() {
        return batcher;
    }

    /** Bytes copied out of ONNX Runtime so far. */
    public long bytesCopiedOut() {
        return runner.bytesCopiedOut();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        batcher.close();
        closeQuietly(session, new Sessions.Configured(options, device), environment, tokenizer, null);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the scorer is closed");
        }
    }

    private static void closeQuietly(OrtSession session, Sessions.Configured configured, OrtEnvironment environment,
                                     Tokenizer tokenizer, Exception primary) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                log.warn("closing the ONNX session failed: {}", e.getMessage());
            }
        }
        if (configured != null) {
            configured.options().close();
        }
        environment.close();
        tokenizer.close();
    }
}
