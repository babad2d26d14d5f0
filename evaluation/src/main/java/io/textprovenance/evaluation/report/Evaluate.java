package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.Arguments;
import io.textprovenance.evaluation.cache.FeatureCache;
import io.textprovenance.evaluation.data.DetectionData;
import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.scoring.tokenizer.TokenizedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BiFunction;

/**
 * {@code evaluate --data DIR --out report/}: scores every text of a directory of pair or JSONL files once
 * (the first {@code --max-tokens} tokens, 512 by default, as Binoculars did: documents of very different
 * lengths are then compared on equal windows) and writes report.md, report.json and one ROC plot per file.
 * With {@code --calibration FILE} it also writes the thresholds at {@code --fpr} (default 1%) calibrated on
 * the calibration split's human texts (whole, and cut to each of {@link Prefixes#LENGTHS}), and reports the
 * FPR they reach on the test split in calibration.json and at the end of report.md. With
 * {@code --features DIR} (a {@code cache-features} directory of the same model and token limit) texts found
 * in the cache are not scored again; the others are scored as usual.
 *
 * <p>Robustness to formatting: up to {@code --perturb-max} test-split texts (200 by default, a seeded sample
 * stratified by label; 0 turns it off) are scored again after each of {@code --perturbations} (all of
 * {@link Perturbation} by default), never from the cache; the section at the end of report.md and
 * "robustness" in report.json give the share of texts whose label changes (with {@code --calibration}:
 * the service's rule, the same code as its labels table) and each detector's AUROC before and after.
 */
public final class Evaluate {

    static final String USAGE = "evaluate --data DIR [--out report/] [--model models/tiny] [--max-tokens 512]"
            + " [--seed 2025] [--max-pairs-per-file N] [--fpr 0.01] [--calibration FILE.json] [--features DIR]"
            + " [--perturb-max 200] [--perturbations " + Perturbation.all() + "]";

    /** Test texts scored again under each perturbation unless --perturb-max says otherwise. */
    static final int DEFAULT_PERTURB_MAX = 200;

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args, USAGE, "data", "out", "model", "max-tokens", "seed", "fpr",
                "calibration", "max-pairs-per-file", "features", "perturb-max", "perturbations");
        Path data = arguments.path("data", "");
        if (data.toString().isEmpty()) {
            throw new IllegalArgumentException("--data is required\nusage: " + USAGE);
        }
        List<LabeledText> texts = DetectionData.samplePairs(DetectionData.readDirectory(data),
                arguments.integer("max-pairs-per-file", 0), arguments.integer("seed", 2025));
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no pair (.json) or JSONL (.jsonl) files under " + data);
        }
        int maxTokens = arguments.integer("max-tokens", 512);
        int seed = arguments.integer("seed", 2025);
        DocumentSplit split = new DocumentSplit(texts, seed);
        int perturbMax = arguments.integer("perturb-max", DEFAULT_PERTURB_MAX);
        if (perturbMax < 0) {
            throw new IllegalArgumentException("--perturb-max must be at least 0 (0: no perturbations), got " + perturbMax);
        }
        List<Perturbation> perturbations = perturbMax == 0 ? List.of()
                : Perturbation.parse(arguments.text("perturbations", Perturbation.all()));
        List<ScoredDocument> testTexts;
        List<ScoredDocument> sample;
        Map<Perturbation, List<ScoredDocument>> perturbed;
        Path modelDirectory = arguments.path("model", "models/tiny");
        List<ScoredDocument> documents;
        String modelLine;
        String modelSha256;
        String pawnSha256;
        Set<String> trained;
        try (OnnxScorer scorer = OnnxScorer.open(ScorerSettings.defaults(modelDirectory));
             PawnDetector pawn = PawnDetector.openIfPresent(modelDirectory, scorer.manifest())) {
            modelLine = scorer.manifest().name() + " " + scorer.manifest().version() + " (sha256 "
                    + scorer.manifest().shortSha() + ")";
            modelSha256 = scorer.manifest().sha256().get(ModelManifest.MODEL);
            pawnSha256 = pawn == null ? null : pawn.sha256();
            List<Detector> detectors = pawn == null ? List.of(new ZeroShotDetectors())
                    : List.of(new ZeroShotDetectors(), pawn);
            trained = pawn == null ? Set.of() : Set.of(PawnDetector.NAME);
            String features = arguments.text("features", "");
            try (FeatureCache cache = features.isEmpty() ? null
                    : FeatureCache.open(Path.of(features), scorer.manifest(), maxTokens)) {
                documents = score(texts, textScorer(scorer, cache, maxTokens), detectors, split,
                        scorer.manifest().contextLength());
            }
            testTexts = PerturbedScoring.testTexts(documents);
            sample = perturbations.isEmpty() ? List.of() : PerturbedScoring.sample(testTexts, perturbMax, seed);
            // the perturbed texts are scored afresh: a feature cache holds the original texts only
            perturbed = PerturbedScoring.score(sample, perturbations, textScorer(scorer, null, maxTokens), detectors);
        }
        EvaluationReport report = EvaluationReport.of(testSplitOnlyForTrained(documents, trained), modelLine,
                data.toString(), maxTokens);
        Path out = arguments.path("out", "report");
        report.write(out);
        String calibration = arguments.text("calibration", "");
        Calibration thresholds = null;
        if (!calibration.isEmpty()) {
            thresholds = Calibration.of(documents, arguments.decimal("fpr", 0.01), modelLine,
                    modelSha256, pawnSha256, maxTokens);
            thresholds.write(Path.of(calibration));
            Files.writeString(out.resolve("report.md"), thresholds.markdown(), StandardOpenOption.APPEND);
        }
        if (!perturbations.isEmpty()) {
            RobustnessReport.of(testTexts.size(), sample, perturbed, thresholds, seed).writeInto(out);
        }
        System.err.println("wrote " + out.resolve("report.md"));
    }

    /** Scores the first maxTokens tokens of a text, from the cache when it holds the text. */
    static BiFunction<String, Boolean, ScoredText> textScorer(OnnxScorer scorer, FeatureCache cache, int maxTokens) {
        return (text, hidden) -> {
            if (cache != null) {
                Optional<ScoredText> cached = cache.find(text, hidden);
                if (cached.isPresent()) {
                    return cached.get();
                }
            }
            TokenizedText tokenized = scorer.tokenize(text);
            return scorer.scoreTokens(Arrays.copyOf(tokenized.ids(), Math.min(maxTokens, tokenized.size())), hidden);
        };
    }

    static List<ScoredDocument> score(List<LabeledText> texts, BiFunction<String, Boolean, ScoredText> scorer,
                                      List<Detector> detectors, DocumentSplit split, int contextLength) {
        boolean hidden = detectors.stream().anyMatch(Detector::needsHiddenStates);
        Map<String, Scored> byText = new HashMap<>();
        List<ScoredDocument> documents = new ArrayList<>(texts.size());
        ProgressBar progress = new ProgressBar("scoring", texts.size(), System.err);
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            LabeledText text = texts.get(i);
            Scored scored = byText.get(text.text());
            if (scored == null) {
                ScoredText result = scorer.apply(text.text(), hidden);
                Map<String, Double> scores = new LinkedHashMap<>();
                // a trained detector never scores its own training texts; the calibration split calibrates it
                boolean heldOut = !split.splitOf(text).equals("train");
                List<Detector> applicable = detectors.stream().filter(detector -> heldOut || !detector.trained())
                        .toList();
                applicable.forEach(detector -> scores.putAll(detector.scores(result)));
                // calibration by length: the calibration split sets the thresholds, the test split checks them
                Map<Integer, Map<String, Double>> prefixes = heldOut ? Prefixes.scores(result, applicable, contextLength) : Map.of();
                scored = new Scored(result.tokensScored(), scores, prefixes);
                byText.put(text.text(), scored);
                tokens += result.tokensScored();
            }
            documents.add(new ScoredDocument(text, split.splitOf(text), scored.tokens(), scored.scores(),
                    scored.prefixes()));
            progress.step(i + 1, tokens);
        }
        return documents;
    }

    /**
     * The report shows trained detectors on the test split only: their calibration-split scores went into
     * the thresholds, so they are not out-of-sample for the report.
     */
    static List<ScoredDocument> testSplitOnlyForTrained(List<ScoredDocument> documents, Set<String> trained) {
        return documents.stream().map(d -> d.split().equals("test") || trained.isEmpty() ? d
                : new ScoredDocument(d.text(), d.split(), d.tokens(), d.scores().entrySet().stream()
                        .filter(e -> !trained.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                LinkedHashMap::new)))).toList();
    }

    private record Scored(int tokens, Map<String, Double> scores, Map<Integer, Map<String, Double>> prefixes) {
    }

    private Evaluate() {
    }
}
