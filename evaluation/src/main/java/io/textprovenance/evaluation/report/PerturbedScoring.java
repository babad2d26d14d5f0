package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.scoring.ScoredText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The texts the robustness section compares: a seeded sample of the test split, stratified by label, and
 * each perturbation of each sampled text scored afresh (a feature cache holds the original texts only).
 */
final class PerturbedScoring {

    /** The test split's texts, each distinct text once, in data order. */
    static List<ScoredDocument> testTexts(List<ScoredDocument> documents) {
        Set<String> seen = new HashSet<>();
        return documents.stream().filter(d -> d.split().equals("test")).filter(d -> seen.add(d.text().text())).toList();
    }

    /**
     * At most {@code max} of the texts, drawn without replacement with a seeded shuffle per label so that
     * machine and human texts keep their shares (rounded; each label present keeps at least one text when
     * max is at least 2); all of them when there are at most max. In the texts' order.
     */
    static List<ScoredDocument> sample(List<ScoredDocument> texts, int max, long seed) {
        if (max < 0) {
            throw new IllegalArgumentException("a sample of at most " + max + " texts");
        }
        if (texts.size() <= max) {
            return texts;
        }
        List<Integer> machine = new ArrayList<>();
        List<Integer> human = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            (texts.get(i).text().machine() ? machine : human).add(i);
        }
        int machineCount = (int) Math.round(max * machine.size() / (double) texts.size());
        if (max >= 2) {
            machineCount = Math.max(machine.isEmpty() ? 0 : 1, Math.min(machineCount, human.isEmpty() ? max : max - 1));
        }
        Random random = new Random(seed);
        Collections.shuffle(machine, random);
        Collections.shuffle(human, random);
        List<Integer> chosen = new ArrayList<>(machine.subList(0, machineCount));
        chosen.addAll(human.subList(0, max - machineCount));
        chosen.sort(Comparator.naturalOrder());
        return chosen.stream().map(texts::get).toList();
    }

    /**
     * Each perturbation of each text, as a test-split document scored by {@code scorer} with every detector
     * (text by text, in the texts' order). A text a perturbation leaves as it was keeps its score; a text
     * two perturbations produce alike is scored once.
     */
    static Map<Perturbation, List<ScoredDocument>> score(List<ScoredDocument> texts, List<Perturbation> perturbations,
                                                         BiFunction<String, Boolean, ScoredText> scorer,
                                                         List<Detector> detectors) {
        boolean hidden = detectors.stream().anyMatch(Detector::needsHiddenStates);
        Map<String, ScoredDocument> byText = new HashMap<>();
        texts.forEach(d -> byText.put(d.text().text(), d));
        Set<String> toScore = new HashSet<>();
        perturbations.forEach(p -> texts.forEach(d -> toScore.add(p.apply(d.text().text()))));
        toScore.removeAll(byText.keySet());
        ProgressBar progress = new ProgressBar("perturbed", toScore.size(), System.err);
        long tokens = 0;
        int done = 0;
        Map<Perturbation, List<ScoredDocument>> scored = new LinkedHashMap<>();
        for (Perturbation perturbation : perturbations) {
            List<ScoredDocument> perturbed = new ArrayList<>(texts.size());
            for (ScoredDocument original : texts) {
                String text = perturbation.apply(original.text().text());
                ScoredDocument known = byText.get(text);
                if (known == null) {
                    ScoredText result = scorer.apply(text, hidden);
                    Map<String, Double> scores = new LinkedHashMap<>();
                    detectors.forEach(detector -> scores.putAll(detector.scores(result)));
                    known = new ScoredDocument(original.text(), "test", result.tokensScored(), scores);
                    byText.put(text, known);
                    tokens += result.tokensScored();
                    progress.step(++done, tokens);
                }
                LabeledText labeled = original.text();
                perturbed.add(new ScoredDocument(new LabeledText(text, labeled.machine(), labeled.generator(),
                        labeled.domain(), labeled.source(), labeled.pair()), "test", known.tokens(), known.scores()));
            }
            scored.put(perturbation, List.copyOf(perturbed));
        }
        return scored;
    }

    private PerturbedScoring() {
    }
}
