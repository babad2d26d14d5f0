package io.textprovenance.service.verdict;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.textprovenance.pawn.PawnHead;
import io.textprovenance.pawn.PawnResult;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.service.resilience.Channel;
import io.textprovenance.service.resilience.GuardedScorer;
import io.textprovenance.service.scoring.HostedModels;
import io.textprovenance.service.scoring.PawnHeadHolder;
import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.attribution.ModelAttribution;
import io.textprovenance.stats.attribution.ModelTest;
import io.textprovenance.stats.inference.AnytimeTest;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import io.textprovenance.stats.score.DetectionScores;
import io.textprovenance.verdict.CalibrationTable;
import io.textprovenance.verdict.Decision;
import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.PValues;
import io.textprovenance.verdict.TextContent;
import io.textprovenance.verdict.TextScores;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Turns one document into a {@link Verdict}: size check, guarded scoring, scores, test, and the label from the
 * verdict library's {@link Judge} (the rule the evaluation measures, with detector.verdict.* as its thresholds).
 */
@Service
public class VerdictService {

    /** Policies that answer without weighing the scores: their verdicts carry no probability and no p-value. */
    private static final Set<String> NOT_JUDGED = Set.of("too-short", "no-content");

    private final GuardedScorer scorer;
    private final ModelManifest manifest;
    private final PawnHeadHolder pawn;
    private final CalibrationTable calibration;
    private final Judge judge;
    private final VerdictSummary summary;
    private final VerdictProperties properties;
    private final MeterRegistry meters;
    private final Counter tokensCounter;
    private final DistributionSummary documentTokens;
    private final DocumentLimits limits;
    private final HostedModels hosted;

    VerdictService(GuardedScorer scorer, Scorer model, PawnHeadHolder pawn, CalibrationTable calibration,
                   VerdictProperties properties, MeterRegistry meters, HostedModels hosted) {
        this.scorer = scorer;
        this.hosted = hosted;
        this.manifest = model.manifest();
        this.limits = new DocumentLimits(model, properties);
        this.pawn = pawn;
        this.calibration = calibration;
        this.judge = new Judge(calibration, properties.thresholds());
        this.summary = new VerdictSummary(properties);
        this.properties = properties;
        this.meters = meters;
        this.tokensCounter = Counter.builder("detector.tokens.scored").description("tokens scored").register(meters);
        this.documentTokens = DistributionSummary.builder("detector.document.tokens").publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Rejects what no verdict can be given for, before any scoring, on REST and Kafka alike ({@link DocumentLimits}).
     *
     * @return the text's tokens
     * @throws DocumentRejectedException naming the rule the text breaks
     */
    public int validate(String text) {
        return limits.check(text);
    }

    /**
     * {@link #validate} for each text, and the batch's tokens together within the one request's budget.
     *
     * @throws DocumentRejectedException naming the rule a text or the batch breaks
     */
    public void validateBatch(List<String> texts) {
        limits.checkBatch(texts);
    }

    /**
     * The hosted models a request's attribution tests: those it names (each known, in its order, repeats dropped), or
     * with no names every hosted model when the service hosts several, else none (no attribution).
     *
     * @throws DocumentRejectedException naming an unknown model and the hosted ones
     */
    public List<HostedModels.HostedModel> modelsToTest(List<String> names) {
        if (names == null) {
            return hosted.attribution() ? hosted.all() : List.of();
        }
        List<HostedModels.HostedModel> models = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            models.add(hosted.byName(name).orElseThrow(() -> DocumentRejectedException.invalid("models: unknown model '"
                    + name + "'; this service hosts " + String.join(", ", hosted.names()) + " (GET /v1/models)")));
        }
        return models;
    }

    /**
     * Checks a request's models before any scoring: each known ({@link #modelsToTest}), and the text within
     * detector.verdict.max-tokens by each model's own tokenizer.
     */
    public void validateModels(String text, List<String> names) {
        for (HostedModels.HostedModel model : modelsToTest(names)) {
            if (!model.served()) {
                int tokens = model.scorer().tokenize(text).size();
                if (tokens == 0) {
                    throw DocumentRejectedException.invalid("text has no tokens to score by model " + model.name());
                }
                limits.checkBudget("document (by model " + model.name() + ")", tokens);
            }
        }
    }

    /** Validates, then judges: see {@link #judgeValidated}. */
    public Verdict judge(Channel channel, String id, String text, boolean explain) {
        return judge(channel, id, text, explain, null);
    }

    /** Validates the text and the models named, then judges: see {@link #judgeValidated}. */
    public Verdict judge(Channel channel, String id, String text, boolean explain, List<String> models) {
        validate(text);
        validateModels(text, models);
        return judgeValidated(channel, id, text, explain, models);
    }

    /** Scores and judges a text that {@link #validate} or {@link #validateBatch} accepted. */
    public Verdict judgeValidated(Channel channel, String id, String text, boolean explain) {
        return judgeValidated(channel, id, text, explain, null);
    }

    /**
     * Scores and judges a text that {@link #validate} or {@link #validateBatch} accepted, with the attribution among
     * the models named ({@link #modelsToTest}; null: the default).
     */
    public Verdict judgeValidated(Channel channel, String id, String text, boolean explain, List<String> models) {
        List<HostedModels.HostedModel> candidates = modelsToTest(models);
        long start = System.nanoTime();
        boolean withPawn = pawn.head().isPresent();
        // PAWN reads the first PawnHead.MAX_TOKENS tokens: only their hidden states are asked for (issue 14)
        ScoredText scored = scorer.score(channel, text, withPawn ? PawnHead.MAX_TOKENS : 0);
        long scoredAt = System.nanoTime();
        if (scored.tokensScored() == 0) {   // validate() refused such a text: the scorer disagrees with its tokenizer
            throw new IllegalStateException("the scorer scored no token of a text its tokenizer gave tokens for");
        }
        tokensCounter.increment(scored.tokensScored());
        documentTokens.record(scored.tokensScored());
        TokenSeries series = scored.toTokenSeries();
        Map<DetectorName, Double> scores = new EnumMap<>(DetectorName.zeroShotScores(DetectionScores.of(series)));
        TestResult test = new VarianceAdaptiveTest().test(series, properties.alpha(), Alternative.TWO_SIDED);
        TestResult anytime = new AnytimeTest().test(series, properties.alpha(), Alternative.TWO_SIDED);
        Optional<PawnResult> pawnResult = pawn.head().map(head -> head.score(scored));
        pawnResult.ifPresent(result -> scores.put(DetectorName.PAWN, result.probability()));
        Judge.Judgement judgement = judge.judge(new TextScores(TextContent.hasLettersOrDigits(text),
                scored.tokensScored(), scores, pawnResult.map(PawnResult::tokensRead).orElse(0)));
        Decision decision = judgement.decision();
        PValues pawnPValues = judgement.of(DetectorName.PAWN);
        List<ZeroShotScore> zeroShot = DetectorName.ZERO_SHOT.stream().map(name -> new ZeroShotScore(
                name.id(), scores.get(name), judgement.of(name).human(), judgement.of(name).machine())).toList();
        String verdictId = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        // below the minimum length (or without language) a probability or p-value is not evidence: none is given
        boolean judged = !NOT_JUDGED.contains(decision.policy());
        LabelBasis basis = basis(decision.policy(), scored);
        String plainWords = summary.of(decision, judgement.of(judgement.policyScore()), basis, scored.tokensScored());
        ProvenanceTrace trace = explain ? ProvenanceTraces.of(series, properties.alpha()) : null;
        Attribution attribution = candidates.isEmpty() ? null : attribution(channel, text, series, candidates);
        long end = System.nanoTime();
        Timer.builder("detector.verdict.latency").tag("channel", channel.name().toLowerCase())
                .publishPercentileHistogram().register(meters).record(java.time.Duration.ofNanos(end - start));
        meters.counter("detector.verdicts", "label", decision.label().id(), "channel", channel.name().toLowerCase())
                .increment();
        return new Verdict(verdictId, decision.label().id(), decision.policy(), decision.reason(), plainWords,
                judged ? pawnResult.map(PawnResult::probability).orElse(null) : null,
                judged ? pawnPValues.human() : null, judged ? pawnPValues.machine() : null,
                judged ? zeroShot : zeroShot.stream().map(VerdictService::withoutPValues).toList(),
                new Provenance(test.test(), test.alternative().name().toLowerCase(), test.statistic(),
                        test.threshold(), test.alpha(), test.pValue(), test.rejected(), anytime.pValue()),
                new Tokens(scored.tokensScored(), scored.windowed(), scored.windows(),
                        judgement.referenceTokens()),
                basis,
                new ModelInfo(manifest.name(), manifest.version(), manifest.shortSha(), withPawn,
                        !calibration.isEmpty()),
                new Timings((scoredAt - start) / 1_000_000, (end - start) / 1_000_000),
                explain ? evidence(text, scored, pawnResult) : null, trace, attribution);
    }

    /**
     * Each candidate's provenance test at alpha / K (Bonferroni, {@link ModelAttribution}), on the text as that
     * model's own tokenizer splits it; the answering model's metrics are reused.
     */
    private Attribution attribution(Channel channel, String text, TokenSeries served,
                                            List<HostedModels.HostedModel> candidates) {
        Map<String, TokenSeries> series = new LinkedHashMap<>();
        for (HostedModels.HostedModel model : candidates) {
            if (model.served()) {
                series.put(model.name(), served);
                continue;
            }
            ScoredText scored = scorer.score(channel, model.scorer(), text, 0);
            if (scored.tokensScored() == 0) {   // validateModels() refused such a text
                throw new IllegalStateException("model " + model.name() + " scored no token of a validated text");
            }
            series.put(model.name(), scored.toTokenSeries());
        }
        List<ModelTest> tests = new ModelAttribution(new VarianceAdaptiveTest(), Alternative.TWO_SIDED)
                .test(series, properties.alpha());
        List<ModelProvenance> results = new ArrayList<>(tests.size());
        for (int i = 0; i < tests.size(); i++) {
            ModelTest test = tests.get(i);
            ModelManifest model = candidates.get(i).manifest();
            results.add(new ModelProvenance(model.name(), model.version(), model.shortSha(),
                    test.result().n(), test.result().test(), test.result().statistic(), test.result().threshold(),
                    test.alpha(), test.result().pValue(), test.adjustedPValue(), test.rejected(), test.logLikelihood(),
                    ModelProvenance.nullHypothesis(model.name(), model.version())));
        }
        String mostLikely = ModelAttribution.mostLikely(tests);
        double best = tests.stream().mapToDouble(ModelTest::logLikelihood).max().orElseThrow();
        Double margin = tests.size() < 2 ? null : best - tests.stream().filter(t -> !t.model().equals(mostLikely))
                .mapToDouble(ModelTest::logLikelihood).max().orElseThrow();
        return new Attribution(properties.alpha(), ModelAttribution.CORRECTION, tests.size(),
                ModelAttribution.attributedTo(tests), results, mostLikely, margin, Attribution.GUARANTEE);
    }

    private static ZeroShotScore withoutPValues(ZeroShotScore score) {
        return new ZeroShotScore(score.name(), score.score(), null, null);
    }

    /** The tokens the label rests on: PAWN reads the first {@link PawnHead#MAX_TOKENS}; every other rule all. */
    private static LabelBasis basis(String policy, ScoredText scored) {
        int n = scored.tokensScored();
        int read = "pawn".equals(policy) ? Math.min(n, PawnHead.MAX_TOKENS) : n;
        int start = scored.tokens().get(0).start();
        int end = scored.tokens().get(read - 1).end();
        String description = read == n
                ? String.format(Locale.ROOT, "the label rests on all %d tokens of the text", n)
                : String.format(Locale.ROOT, "the label rests on the first %d of the %d tokens (characters"
                + " %d to %d): the PAWN classifier reads at most %d; the rest is scored and shown but not weighed",
                read, n, start, end, PawnHead.MAX_TOKENS);
        return new LabelBasis(read, read == n, start, end, description);
    }

    private static List<TokenEvidence> evidence(String text, ScoredText scored, Optional<PawnResult> pawn) {
        float[] weights = pawn.map(PawnResult::tokenWeights).orElse(new float[0]);
        List<TokenEvidence> evidence = new ArrayList<>(scored.tokensScored());
        for (int i = 0; i < scored.tokensScored(); i++) {
            TokenMetrics token = scored.tokens().get(i);
            evidence.add(new TokenEvidence(text.substring(token.start(), token.end()), token.start(), token.end(),
                    token.logProb(), token.entropy(), rank(token, scored.vocabulary()),
                    i < weights.length ? (double) weights[i] : null));
        }
        return evidence;
    }

    /** 1 + #{v : p(v) > p(token)}, from the rank fraction the scorer reports (as TokenMetrics.toObservation). */
    private static int rank(TokenMetrics token, int vocabulary) {
        return (int) Math.max(1, Math.rint(token.rankFraction() * (double) vocabulary));
    }
}
