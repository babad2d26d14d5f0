package io.textprovenance.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fault suite's verdict on a run: nothing lost, poison dead-lettered with reason and origin, degenerate text
 * answered uncertain, lag drained, each fault recovered from; and the figures of the report (counts, outcomes per
 * kind, per fault the stalls, restart and drain times and duplicate verdicts).
 */
final class FaultChecks {

    private final Observer observer;
    private final FaultTimings timings;
    private final String documentsTopic;
    private final String deadLetterTopic;
    private final String group;
    private final Duration quietTimeout;
    private final String commit;
    private final String mode;

    FaultChecks(Observer observer, String documentsTopic, String deadLetterTopic, String group, Duration quietTimeout,
                String commit, String mode) {
        this.observer = observer;
        this.timings = new FaultTimings(observer);
        this.documentsTopic = documentsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.group = group;
        this.quietTimeout = quietTimeout;
        this.commit = commit;
        this.mode = mode;
    }

    /**
     * Adds the checks, in report order, to {@code checks} and the figures to {@code figures}: what the observer read
     * of the verdicts and dead-letter topics against the documents produced, and per fault its stalls and duplicates.
     */
    void evaluate(Collection<Doc> docs, Fault baseline, List<Fault> injected, String groupInUse, long lag,
                  double baselineSeconds, List<Check> checks, Map<String, Object> figures) {
        List<Doc> all = new ArrayList<>(docs);
        Set<String> expectedVerdictKeys = new HashSet<>();
        List<String> lost = new ArrayList<>();
        List<String> poisonNotDeadLettered = new ArrayList<>();
        List<String> badHeaders = new ArrayList<>();
        List<String> validDeadLettered = new ArrayList<>();
        List<String> poisonWithVerdict = new ArrayList<>();
        List<String> notUncertain = new ArrayList<>();
        List<String> eitherUnanswered = new ArrayList<>();
        Map<Kind, Map<String, Integer>> outcomes = new EnumMap<>(Kind.class);
        List<String> unanswered = new ArrayList<>();
        Map<String, Doc> byOrigin = new HashMap<>();
        int valid = 0;
        int hostile = 0;
        for (Doc doc : all) {
            byOrigin.put(doc.origin(), doc);
            Observer.Seen seen = observer.verdicts.get(doc.key);
            Observer.Letter letter = observer.letters.get(doc.origin());
            boolean hasVerdict = seen != null;
            boolean hasLetter = letter != null;
            if (doc.kind.hostile) {
                hostile++;
            } else {
                valid++;
            }
            String outcome = hasVerdict ? "verdict " + seen.label + (seen.evidence >= 0 ? " with evidence" : "")
                    : hasLetter ? "dead letter: " + String.valueOf(letter.reason).replaceAll("[0-9]{3,}", "N") : "nothing";
            outcomes.computeIfAbsent(doc.kind, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            if (!hasVerdict && !hasLetter) {
                unanswered.add(doc.id);
            }
            switch (doc.kind.expect) {
                case VERDICT, UNCERTAIN -> {
                    expectedVerdictKeys.add(doc.key);
                    if (!hasVerdict) {
                        lost.add(doc.id);
                    } else if (doc.kind.expect == Expect.UNCERTAIN && !"uncertain".equals(seen.label)) {
                        notUncertain.add(doc.id + " got " + seen.label);
                    }
                    if (hasLetter) {
                        validDeadLettered.add(doc.id + " (" + letter.reason + ")");
                    }
                }
                case DEAD_LETTER -> {
                    if (!hasLetter) {
                        poisonNotDeadLettered.add(doc.id + (hasVerdict ? " (got a verdict instead)" : ""));
                    } else {
                        checkHeaders(doc, letter, badHeaders);
                    }
                    if (hasVerdict) {
                        poisonWithVerdict.add(doc.id);
                    }
                }
                case EITHER -> {
                    if (hasVerdict) {
                        expectedVerdictKeys.add(doc.key);
                    } else if (hasLetter) {
                        checkHeaders(doc, letter, badHeaders);
                    } else {
                        eitherUnanswered.add(doc.id);
                    }
                }
            }
        }
        Set<String> extraKeys = new TreeSet<>(observer.verdicts.keySet());
        extraKeys.removeAll(expectedVerdictKeys);
        Set<String> missingKeys = new TreeSet<>(expectedVerdictKeys);
        missingKeys.removeAll(observer.verdicts.keySet());
        List<String> unknownLetters = new ArrayList<>();
        for (Map.Entry<String, Observer.Letter> entry : observer.letters.entrySet()) {
            if (!byOrigin.containsKey(entry.getKey())) {
                unknownLetters.add(entry.getKey() + " key=" + Observer.abbreviate(entry.getValue().key));
            }
        }
        long duplicateVerdicts = observer.verdicts.values().stream().mapToLong(s -> s.arrivals.size() - 1).sum();
        long duplicatedIds = observer.verdicts.values().stream().filter(s -> s.arrivals.size() > 1).count();
        long duplicateLetters = observer.letters.values().stream().mapToLong(l -> l.arrivals.size() - 1).sum();

        checks.add(check("configured consumer group consumes " + documentsTopic,
                groupInUse.equals(group), "group(s) with members on " + documentsTopic + ": " + groupInUse
                        + "; configured (spring.kafka.consumer.group-id, chart, KEDA): " + group));
        checks.add(check("every valid document has a verdict", lost.isEmpty(), lost.size() + " without a verdict", lost));
        checks.add(check("nothing lost (every record answered by a verdict or a dead letter)", unanswered.isEmpty(),
                unanswered.size() + " unanswered", unanswered));
        checks.add(check("verdict keys == valid ids", extraKeys.isEmpty() && missingKeys.isEmpty(),
                "extra keys " + extraKeys.size() + ", missing " + missingKeys.size(),
                concat(extraKeys.stream().map(Observer::abbreviate).toList(), missingKeys)));
        checks.add(check("every poison record dead-lettered", poisonNotDeadLettered.isEmpty(),
                poisonNotDeadLettered.size() + " not in " + deadLetterTopic, poisonNotDeadLettered));
        checks.add(check("no poison record got a verdict", poisonWithVerdict.isEmpty(),
                poisonWithVerdict.size() + " with a verdict", poisonWithVerdict));
        checks.add(check("dead letters carry reason and original topic/partition/offset", badHeaders.isEmpty()
                && observer.unattributed.isEmpty(), badHeaders.size() + " with bad headers, " + observer.unattributed.size()
                + " without origin headers", concat(badHeaders, observer.unattributed)));
        checks.add(check("no valid document dead-lettered", validDeadLettered.isEmpty() && unknownLetters.isEmpty(),
                validDeadLettered.size() + " valid dead-lettered, " + unknownLetters.size() + " dead letters of unknown origin",
                concat(validDeadLettered, unknownLetters)));
        checks.add(check("degenerate text (whitespace-only, emoji-only) answered uncertain", notUncertain.isEmpty(),
                notUncertain.size() + " answered otherwise", notUncertain));
        checks.add(check("explain=true documents at and over the token budget answered (bounded verdict or dead letter)",
                eitherUnanswered.isEmpty(), eitherUnanswered.size() + " unanswered", eitherUnanswered));
        checks.add(check("consumer lag of group " + group + " drained to 0", lag == 0,
                lag < 0 ? "group " + group + " has no committed offsets on " + documentsTopic : "lag " + lag));
        for (Fault fault : injected) {
            checks.add(check("recovered from " + fault.name, fault.drained >= 0,
                    fault.drained >= 0 ? String.format("drained %.1f s after restore", seconds(fault.drained - fault.live))
                            : "not every document answered within " + quietTimeout.toSeconds() + " s of quiet"));
            if (fault.name.startsWith("outage")) {
                checks.add(check("scorer outage opened the circuit", fault.circuitOpened != null,
                        fault.circuitOpened == null ? "circuit never reported open"
                                : String.format("open after %.1f s", seconds(fault.circuitOpened - fault.injected))));
                checks.add(check("REST answers 503 with Retry-After while the circuit is open",
                        fault.restProbe != null && fault.restProbe.startsWith("503") && !fault.restProbe.endsWith("none"),
                        String.valueOf(fault.restProbe)));
            }
        }

        figures.put("commit", commit);
        figures.put("mode", mode);
        figures.put("documentsIn", all.size());
        figures.put("valid", valid);
        figures.put("hostile", hostile);
        figures.put("verdictRecords", observer.verdictRecords.get());
        figures.put("verdictIds", observer.verdicts.size());
        figures.put("duplicateVerdicts", duplicateVerdicts);
        figures.put("duplicatedIds", duplicatedIds);
        figures.put("deadLetterRecords", observer.letterRecords.get());
        figures.put("deadLetteredRecords", observer.letters.size());
        figures.put("duplicateDeadLetters", duplicateLetters);
        figures.put("lost", unanswered.size());
        figures.put("lag", lag);
        figures.put("baselineSeconds", round(baselineSeconds));
        Map<String, Object> kinds = new LinkedHashMap<>();
        outcomes.forEach((kind, counts) -> kinds.put(kind.name().toLowerCase().replace('_', '-'),
                "expect " + kind.expect.name().toLowerCase().replace('_', ' ') + "; got " + counts.entrySet().stream()
                        .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(", "))));
        figures.put("outcomes", kinds);
        List<Map<String, Object>> faultFigures = new ArrayList<>();
        if (baseline != null) {
            faultFigures.add(timings.of(baseline, injected.isEmpty() ? Long.MAX_VALUE : injected.get(0).injected, all));
        }
        for (int i = 0; i < injected.size(); i++) {
            faultFigures.add(timings.of(injected.get(i), i + 1 < injected.size() ? injected.get(i + 1).injected : Long.MAX_VALUE,
                    all));
        }
        figures.put("faults", faultFigures);
    }

    private void checkHeaders(Doc doc, Observer.Letter letter, List<String> bad) {
        if (letter.reason == null || letter.reason.isBlank()) {
            bad.add(doc.id + ": no reason");
        }
        if (!documentsTopic.equals(letter.originalTopic)) {
            bad.add(doc.id + ": original topic " + letter.originalTopic);
        }
    }

    private Check check(String name, boolean passed, String detail) {
        return new Check(name, passed, detail);
    }

    private Check check(String name, boolean passed, String detail, Collection<String> examples) {
        if (!passed && !examples.isEmpty()) {
            detail += ", e.g. " + examples.stream().limit(5).map(Observer::abbreviate).collect(Collectors.joining("; "));
        }
        return new Check(name, passed, detail);
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
