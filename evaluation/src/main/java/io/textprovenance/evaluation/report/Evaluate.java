package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.Arguments;
import io.textprovenance.evaluation.cache.FeatureCache;
import io.textprovenance.evaluation.data.DetectionData;
import io.textprovenance.evaluation.data.DocumentSplit;
import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.scoring.tokenizer.TokenizedText;
import io.textprovenance.verdict.CalibrationTable;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.PolicyThresholds;
import io.textprovenance.verdict.calibration.CalibrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code evaluate --data DIR --out report/}: scores every text of a directory of pair or JSONL files once
 * (the first {@code --max-tokens} tokens, 512 by default, as Binoculars did: documents of very different
 * lengths are then compared on equal windows) and writes report.md, report.json and one ROC plot per file.
 * With {@code --features DIR} (a {@code cache-features} directory of the same model and token limit) texts found
 * in the cache are not scored again. Two jobs on labels, one at a time:
 * <ul>
 *   <li>{@code --calibrate-out FILE}: fits calibration.json at {@code --fpr} (default 1%) on the calibration
 *       split's texts (whole, and cut to each of {@link Prefixes#LENGTHS}) and reports what it does on the test
 *       split, at the end of report.md; PAWN is reported on the test split only (it trained on "train");</li>
 *   <li>{@code --thresholds FILE}: applies a shipped calibration.json unchanged to every text of the data set it
 *       has not seen ({@link SeenDocuments}) and reports the realized FPR and TPR and the service's labels
 *       ({@link ThresholdReport}), each text's in labels.jsonl.</li>
 * </ul>
 * Labels come from the verdict library's {@link Judge} with the policy of {@code --min-tokens},
 * {@code --machine-p-value} and {@code --human-miss-p-value} (the service's defaults; with --calibrate-out the
 * machine p-value defaults to --fpr).
 *
 * <p>The model directory's PAWN head is refused, as the service refuses it, when its pawn.json records another text
 * normalization than the scorer's, or none ({@code --pawn-require-normalization false} accepts that); splitting
 * the data (no --thresholds), the seed must be the one it trained on.
 *
 * <p>Robustness to formatting: up to {@code --perturb-max} texts (200 by default, a seeded sample stratified by
 * label; 0 turns it off; the test split, or with --thresholds every reported text) are scored again after each of
 * {@code --perturbations}, never from the cache; the section at the end of report.md and "robustness" in
 * report.json give the share of texts whose label changes and each detector's AUROC before and after.
 */
public final class Evaluate {

    static final String USAGE = "evaluate --data DIR [--out report/] [--model models/tiny] [--max-tokens 512]"
            + " [--seed 2025] [--max-pairs-per-file N] [--features DIR]"
            + " [--calibrate-out FILE.json [--fpr 0.01] | --thresholds FILE.json]"
            + " [--min-tokens 32] [--machine-p-value 0.01] [--human-miss-p-value 0.05]"
            + " [--pawn-require-normalization true]"
            + " [--perturb-max 200] [--perturbations " + Perturbation.all() + "]";

    /** Texts scored again under each perturbation unless --perturb-max says otherwise. */
    static final int DEFAULT_PERTURB_MAX = 200;

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args, USAGE, "data", "out", "model", "max-tokens", "seed", "fpr",
                "calibration", "calibrate-out", "thresholds", "min-tokens", "machine-p-value", "human-miss-p-value",
                "max-pairs-per-file", "features", "perturb-max", "perturbations", "pawn-require-normalization");
        Job job = Job.of(arguments);
        Path data = arguments.path("data", "");
        if (data.toString().isEmpty()) {
            throw new IllegalArgumentException("--data is required\nusage: " + USAGE);
        }
        int seed = arguments.integer("seed", 2025);
        List<LabeledText> texts = DetectionData.samplePairs(DetectionData.readDirectory(data),
                arguments.integer("max-pairs-per-file", 0), seed);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no pair (.json) or JSONL (.jsonl) files under " + data);
        }
        int maxTokens = arguments.integer("max-tokens", 512);
        DocumentSplit split = new DocumentSplit(texts, seed);
        int perturbMax = arguments.integer("perturb-max", DEFAULT_PERTURB_MAX);
        if (perturbMax < 0) {
            throw new IllegalArgumentException("--perturb-max must be at least 0 (0: no perturbations), got " + perturbMax);
        }
        List<Perturbation> perturbations = perturbMax == 0 ? List.of()
                : Perturbation.parse(arguments.text("perturbations", Perturbation.all()));
        Path modelDirectory = arguments.path("model", "models/tiny");
        SeenDocuments seen = job.shipped().map(file -> SeenDocuments.of(file.split())).orElse(null);
        List<ScoredDocument> documents;
        List<ScoredDocument> candidates;
        List<ScoredDocument> sample;
        Map<Perturbation, List<ScoredDocument>> perturbed;
        String modelLine;
        String modelSha256;
        String pawnSha256;
        CalibrationTable shippedTable = null;
        try (OnnxScorer scorer = OnnxScorer.open(ScorerSettings.defaults(modelDirectory));
             PawnDetector pawn = PawnDetector.openIfPresent(modelDirectory, scorer.info(),
                     arguments.flag("pawn-require-normalization", true))) {
            modelLine = scorer.manifest().name() + " " + scorer.manifest().version() + " (sha256 "
                    + scorer.manifest().shortSha() + ")";
            modelSha256 = scorer.manifest().sha256().get(ModelManifest.MODEL);
            pawnSha256 = pawn == null ? null : pawn.sha256();
            if (pawn != null && seen == null) {   // split here: by the head's own split only
                pawn.requireSplitSeed(seed);
            }
            if (job.thresholds() != null) {   // refused when made for another backbone or head
                shippedTable = CalibrationTable.load(job.thresholds(), modelSha256, Optional.ofNullable(pawnSha256));
            }
            List<Detector> detectors = pawn == null ? List.of(new ZeroShotDetectors())
                    : List.of(new ZeroShotDetectors(), pawn);
            // a trained detector never scores the texts it learned from; with --thresholds nothing is fitted,
            // so no prefixes are scored and references of the shipped file are left out
            Predicate<LabeledText> trainedMayScore = seen == null ? t -> !split.splitOf(t).equals("train")
                    : t -> !seen.trainedOn(split.documentOf(t));
            Predicate<LabeledText> prefixes = seen == null ? trainedMayScore : t -> false;
            Predicate<LabeledText> kept = seen == null ? t -> true : t -> !seen.references(split.documentOf(t));
            String features = arguments.text("features", "");
            try (FeatureCache cache = features.isEmpty() ? null
                    : FeatureCache.open(Path.of(features), scorer.manifest(), maxTokens)) {
                documents = score(texts.stream().filter(kept).toList(), textScorer(scorer, cache, maxTokens), detectors,
                        split, scorer.manifest().contextLength(), trainedMayScore, prefixes);
            }
            candidates = seen == null ? PerturbedScoring.testTexts(documents) : distinct(documents);
            sample = perturbations.isEmpty() ? List.of() : PerturbedScoring.sample(candidates, perturbMax, seed);
            // the perturbed texts are scored afresh: a feature cache holds the original texts only
            perturbed = PerturbedScoring.score(sample, perturbations, textScorer(scorer, null, maxTokens), detectors);
        }
        Set<String> trained = documents.stream().anyMatch(d -> d.scores().containsKey(PawnDetector.NAME))
                ? Set.of(PawnDetector.NAME) : Set.of();
        String scope = seen == null ? SeenDocuments.SPLIT_SCOPE : seen.describe(texts.size(), documents);
        List<ScoredDocument> reported = seen == null ? testSplitOnlyForTrained(documents, trained) : documents;
        EvaluationReport report = EvaluationReport.of(reported, modelLine, data.toString(), maxTokens, scope);
        Path out = arguments.path("out", "report");
        report.write(out);
        Judge judge = null;
        if (job.calibrateOut() != null) {
            PolicyThresholds policy = job.policy(arguments.decimal("fpr", 0.01));
            CalibrationFile file = CalibrationFit.fit(documents, arguments.decimal("fpr", 0.01), modelLine, modelSha256,
                    pawnSha256, maxTokens, policy, SeenDocuments.record(documents, split));
            file.write(job.calibrateOut());
            judge = new Judge(CalibrationTable.of(file), policy);
            List<ScoredDocument> test = EvaluationReport.dedupeHumans(documents.stream()
                    .filter(d -> d.split().equals("test")).toList());
            Files.writeString(out.resolve("report.md"), CalibrationSection.markdown(file, test, judge),
                    StandardOpenOption.APPEND);
        }
        if (shippedTable != null) {
            judge = new Judge(shippedTable, job.policy(PolicyThresholds.DEFAULTS.machinePValue()));
            ThresholdReport.of(job.thresholds().toString(), documents, judge, scope).writeInto(out);
            ThresholdReport.writeLabels(out, documents, judge);
        }
        if (!perturbations.isEmpty()) {
            RobustnessReport.of(candidates.size(), sample, perturbed, judge, seed).writeInto(out);
        }
        System.err.println("wrote " + out.resolve("report.md"));
    }

    /**
     * What labels the run makes: fit (--calibrate-out), apply (--thresholds) or neither, and the policy.
     *
     * @param calibrateOut where to write a fitted calibration.json, or null
     * @param thresholds   the shipped calibration.json to apply, or null
     * @param shipped      the file at {@code thresholds}, read
     */
    private record Job(Path calibrateOut, Path thresholds, Optional<CalibrationFile> shipped, Arguments arguments) {

        static Job of(Arguments arguments) throws IOException {
            if (!arguments.text("calibration", "").isEmpty()) {
                throw new IllegalArgumentException("--calibration is gone (it refitted and overwrote the file): use"
                        + " --calibrate-out FILE to fit thresholds on this data's calibration split, or --thresholds FILE"
                        + " to apply a shipped calibration.json unchanged\nusage: " + USAGE);
            }
            String out = arguments.text("calibrate-out", "");
            String in = arguments.text("thresholds", "");
            if (!out.isEmpty() && !in.isEmpty()) {
                throw new IllegalArgumentException("--calibrate-out and --thresholds are two jobs: fit, or apply; give"
                        + " one\nusage: " + USAGE);
            }
            Path thresholds = in.isEmpty() ? null : Path.of(in);
            return new Job(out.isEmpty() ? null : Path.of(out), thresholds,
                    thresholds == null ? Optional.empty() : Optional.of(CalibrationFile.read(thresholds)), arguments);
        }

        /** The policy of the command line, with {@code machinePValue} unless --machine-p-value is given. */
        PolicyThresholds policy(double machinePValue) {
            PolicyThresholds defaults = PolicyThresholds.DEFAULTS;
            return new PolicyThresholds(arguments.integer("min-tokens", defaults.minTokens()),
                    arguments.decimal("machine-p-value", machinePValue),
                    arguments.decimal("human-miss-p-value", defaults.humanMissPValue()), defaults.pawnMachine(),
                    defaults.pawnHuman());
        }
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

    /** {@link #score(List, BiFunction, List, DocumentSplit, int, Predicate, Predicate)} for fitting on the split. */
    static List<ScoredDocument> score(List<LabeledText> texts, BiFunction<String, Boolean, ScoredText> scorer,
                                      List<Detector> detectors, DocumentSplit split, int contextLength) {
        Predicate<LabeledText> heldOut = t -> !split.splitOf(t).equals("train");
        return score(texts, scorer, detectors, split, contextLength, heldOut, heldOut);
    }

    /**
     * Scores each distinct text once.
     *
     * @param trainedMayScore the texts trained detectors score (not those they learned from)
     * @param prefixes        the texts whose prefixes of the calibration lengths are scored too
     */
    static List<ScoredDocument> score(List<LabeledText> texts, BiFunction<String, Boolean, ScoredText> scorer,
                                      List<Detector> detectors, DocumentSplit split, int contextLength,
                                      Predicate<LabeledText> trainedMayScore, Predicate<LabeledText> prefixes) {
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
                boolean trainedToo = trainedMayScore.test(text);
                List<Detector> applicable = detectors.stream().filter(detector -> trainedToo || !detector.trained())
                        .toList();
                applicable.forEach(detector -> scores.putAll(detector.scores(result)));
                // calibration by length: the calibration split sets the thresholds, the test split checks them
                Map<Integer, Map<String, Double>> prefixScores = prefixes.test(text)
                        ? Prefixes.scores(result, applicable, contextLength) : Map.of();
                scored = new Scored(result.tokensScored(), scores, prefixScores);
                byText.put(text.text(), scored);
                tokens += result.tokensScored();
            }
            documents.add(new ScoredDocument(text, split.splitOf(text), split.documentOf(text), scored.tokens(),
                    scored.scores(), scored.prefixes()));
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
                : d.withScores(d.scores().entrySet().stream().filter(e -> !trained.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                LinkedHashMap::new)))).toList();
    }

    /** Each distinct text once, in data order. */
    private static List<ScoredDocument> distinct(List<ScoredDocument> documents) {
        Set<String> texts = new HashSet<>();
        return documents.stream().filter(d -> texts.add(d.text().text())).toList();
    }

    private record Scored(int tokens, Map<String, Double> scores, Map<Integer, Map<String, Double>> prefixes) {
    }

    private Evaluate() {
    }
}
