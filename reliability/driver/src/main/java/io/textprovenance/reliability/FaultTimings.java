package io.textprovenance.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fault suite's per-fault figures, from when the observer saw each document answered. */
final class FaultTimings {

    private final Observer observer;

    FaultTimings(Observer observer) {
        this.observer = observer;
    }

    /**
     * One fault's figures: down and restart times, the longest stall of the pipeline and of a partition from the
     * fault until drained, when it resumed and drained after the restore, and the duplicate verdicts until
     * {@code nextFault}.
     */
    Map<String, Object> of(Fault fault, long nextFault, List<Doc> all) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("fault", fault.name);
        figure.put("downSeconds", round(seconds(fault.restored - fault.injected)));
        figure.put("restartSeconds", round(seconds(fault.live - fault.restored)));
        // Per documents partition: the longest time without a new answer while the partition had work (a document
        // produced and not yet answered), from the fault until the partition drained.
        Map<Integer, List<Doc>> byPartition = new TreeMap<>();
        int docsInWindow = 0;
        boolean stuck = false;
        for (Doc doc : all) {
            if (doc.segment > fault.segment) {
                continue;
            }
            long answered = observer.answeredAt(doc);
            if (answered < 0) {
                stuck = true;
                docsInWindow++;
            } else if (answered >= fault.injected) {
                byPartition.computeIfAbsent(doc.partition, p -> new ArrayList<>()).add(doc);
                docsInWindow++;
            }
        }
        long worst = 0;
        long worstEnd = fault.injected;
        List<Doc> everything = new ArrayList<>();
        for (List<Doc> partitionDocs : byPartition.values()) {
            everything.addAll(partitionDocs);
            long[] gap = longestGap(partitionDocs, fault.injected);
            if (gap[0] > worst) {
                worst = gap[0];
                worstEnd = gap[1];
            }
        }
        long[] overall = longestGap(everything, fault.injected);
        figure.put("documentsPendingAtOrAfterFault", docsInWindow);
        figure.put("pipelineStallSeconds", stuck ? "never resumed" : round(seconds(overall[0])));
        figure.put("partitionStallSeconds", stuck ? "never resumed" : round(seconds(worst)));
        figure.put("resumedAfterRestoreSeconds", stuck ? "never" : round(Math.max(0, seconds(worstEnd - fault.live))));
        figure.put("drainedAfterRestoreSeconds", fault.drained < 0 ? "not drained" : round(seconds(fault.drained - fault.live)));
        long duplicates = 0;
        for (Observer.Seen seen : observer.verdicts.values()) {
            for (int i = 1; i < seen.arrivals.size(); i++) {
                long at = seen.arrivals.get(i);
                if (at >= fault.injected && at < nextFault) {
                    duplicates++;
                }
            }
        }
        figure.put("duplicateVerdicts", duplicates);
        if (fault.circuitOpened != null) {
            figure.put("circuitOpenAfterSeconds", round(seconds(fault.circuitOpened - fault.injected)));
        }
        if (fault.restProbe != null) {
            figure.put("restWhileOpen", fault.restProbe);
        }
        return figure;
    }

    /**
     * The longest time without a new answer among {@code docs} while one of them was produced and unanswered,
     * from {@code from}: {gap, end of the gap}.
     */
    private long[] longestGap(List<Doc> docs, long from) {
        List<Doc> sorted = new ArrayList<>(docs);
        sorted.sort(Comparator.comparingLong(observer::answeredAt));
        long worst = 0;
        long end = from;
        long previous = from;
        for (Doc doc : sorted) {
            long answered = observer.answeredAt(doc);
            long gap = answered - Math.max(previous, doc.producedAt);
            if (gap > worst) {
                worst = gap;
                end = answered;
            }
            previous = Math.max(previous, answered);
        }
        return new long[] {worst, end};
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
