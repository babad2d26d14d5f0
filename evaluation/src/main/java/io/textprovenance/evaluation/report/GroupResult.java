package io.textprovenance.evaluation.report;

import io.textprovenance.stats.calibration.Auroc;
import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.OperatingPoint;
import java.util.List;

/**
 * One detector on one group of texts.
 *
 * @param group     e.g. "file:xsum_gpt2-xl.raw_data.json", "generator:gpt2-xl", "domain:xsum", "all"
 * @param detector  detector name
 * @param positives machine texts
 * @param negatives human texts
 * @param auroc     AUROC
 * @param aurocCi   95% interval by document (a bootstrap over documents)
 * @param at1       operating point at 1% FPR (in sample); its TPR interval by document
 * @param at5       operating point at 5% FPR (in sample); its TPR interval by document
 */
public record GroupResult(String group, String detector, int positives, int negatives, double auroc, Interval aurocCi,
                          OperatingPoint at1, OperatingPoint at5) {

    /** Null when a class is empty. Intervals by document ({@link DocumentBootstrap}). */
    static GroupResult of(String group, String detector, List<ScoredDocument> documents) {
        List<ScoredDocument> members = documents.stream().filter(d -> d.scores().containsKey(detector)).toList();
        double[] machine = members.stream().filter(d -> d.text().machine()).mapToDouble(d -> d.scores().get(detector))
                .toArray();
        double[] human = members.stream().filter(d -> !d.text().machine()).mapToDouble(d -> d.scores().get(detector))
                .toArray();
        if (machine.length == 0 || human.length == 0) {
            return null;
        }
        List<OperatingPoint> points = List.of(OperatingPoint.atFalsePositiveRate(machine, human, 0.01, 0.95),
                OperatingPoint.atFalsePositiveRate(machine, human, 0.05, 0.95));
        DocumentBootstrap.Intervals byDocument = DocumentBootstrap.of(members, detector, points);
        return new GroupResult(group, detector, machine.length, human.length, Auroc.of(machine, human),
                byDocument.auroc(), withTprInterval(points.get(0), byDocument.truePositiveRates().get(0)),
                withTprInterval(points.get(1), byDocument.truePositiveRates().get(1)));
    }

    private static OperatingPoint withTprInterval(OperatingPoint point, Interval interval) {
        return new OperatingPoint(point.targetFpr(), point.threshold(), point.truePositives(), point.positives(),
                point.falsePositives(), point.negatives(), interval, point.fprInterval());
    }
}
