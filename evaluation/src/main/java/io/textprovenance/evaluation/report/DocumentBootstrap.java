package io.textprovenance.evaluation.report;

import io.textprovenance.stats.calibration.Auroc;
import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.OperatingPoint;
import io.textprovenance.stats.calibration.Proportions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Intervals for a detector on a group of texts that come in clusters (one human document with its copies and
 * its generators' continuations, {@link ScoredDocument#document()}): a bootstrap that draws whole documents with
 * replacement, so that texts of one document stay together, and takes the 2.5% and 97.5% percentiles of the
 * AUROC and of the true-positive rate at the in-sample threshold of each target FPR. A draw without a text of
 * either class is drawn again. Where every machine text or none is above the threshold, every draw agrees; the
 * TPR interval is then the Wilson interval of one machine text per document (0 of D, or D of D).
 */
final class DocumentBootstrap {

    static final int RESAMPLES = 1000;
    private static final long SEED = 17;

    /** One document's scores by class. */
    private record Cluster(double[] machine, double[] human) {
    }

    /** The AUROC interval, and the TPR interval at each target FPR, in the order given. */
    record Intervals(Interval auroc, List<Interval> truePositiveRates) {
    }

    private DocumentBootstrap() {
    }

    /**
     * @param members the group's texts that have the detector's score
     * @param points  the operating points of the whole group, one per target FPR
     */
    static Intervals of(List<ScoredDocument> members, String detector, List<OperatingPoint> points) {
        Map<String, List<ScoredDocument>> byDocument = new LinkedHashMap<>();
        members.forEach(d -> byDocument.computeIfAbsent(d.document(), k -> new ArrayList<>()).add(d));
        List<Cluster> clusters = byDocument.values().stream().map(texts -> new Cluster(
                texts.stream().filter(d -> d.text().machine()).mapToDouble(d -> d.scores().get(detector)).toArray(),
                texts.stream().filter(d -> !d.text().machine()).mapToDouble(d -> d.scores().get(detector)).toArray()))
                .toList();
        Random random = new Random(SEED);
        double[] aurocs = new double[RESAMPLES];
        double[][] rates = new double[points.size()][RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double[][] drawn = draw(clusters, random);
            aurocs[b] = Auroc.of(drawn[0], drawn[1]);
            for (int p = 0; p < points.size(); p++) {
                rates[p][b] = OperatingPoint.atFalsePositiveRate(drawn[0], drawn[1], points.get(p).targetFpr(), 0.95)
                        .truePositiveRate();
            }
        }
        long machineDocuments = clusters.stream().filter(c -> c.machine().length > 0).count();
        List<Interval> tpr = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            OperatingPoint point = points.get(p);
            tpr.add(point.truePositives() == 0 || point.truePositives() == point.positives()
                    ? Proportions.wilson(point.truePositives() == 0 ? 0 : machineDocuments, machineDocuments, 0.95)
                    : percentiles(rates[p]));
        }
        return new Intervals(percentiles(aurocs), tpr);
    }

    /** Documents drawn with replacement until both classes are present: machine scores, human scores. */
    private static double[][] draw(List<Cluster> clusters, Random random) {
        for (int attempt = 0; ; attempt++) {
            List<double[]> machine = new ArrayList<>();
            List<double[]> human = new ArrayList<>();
            for (int i = 0; i < clusters.size(); i++) {
                Cluster cluster = clusters.get(random.nextInt(clusters.size()));
                machine.add(cluster.machine());
                human.add(cluster.human());
            }
            double[] m = concat(machine);
            double[] h = concat(human);
            if (m.length > 0 && h.length > 0) {
                return new double[][] {m, h};
            }
            if (attempt > 1000) {
                throw new IllegalStateException("no draw of " + clusters.size() + " documents holds both classes");
            }
        }
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static Interval percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(sorted[(int) Math.floor(0.025 * (sorted.length - 1))],
                sorted[(int) Math.ceil(0.975 * (sorted.length - 1))], 0.95);
    }
}
