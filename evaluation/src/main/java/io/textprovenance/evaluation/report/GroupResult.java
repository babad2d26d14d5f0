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
 * @param aurocCi   95% stratified bootstrap interval
 * @param at1       operating point at 1% FPR (in sample)
 * @param at5       operating point at 5% FPR (in sample)
 */
public record GroupResult(String group, String detector, int positives, int negatives, double auroc, Interval aurocCi,
                          OperatingPoint at1, OperatingPoint at5) {

    static final int RESAMPLES = 1000;

    /** Null when a class is empty. */
    static GroupResult of(String group, String detector, List<ScoredDocument> documents) {
        double[] machine = documents.stream().filter(d -> d.text().machine() && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
        double[] human = documents.stream().filter(d -> !d.text().machine() && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
        if (machine.length == 0 || human.length == 0) {
            return null;
        }
        return new GroupResult(group, detector, machine.length, human.length, Auroc.of(machine, human),
                Auroc.bootstrapInterval(machine, human, 0.95, RESAMPLES, 17),
                OperatingPoint.atFalsePositiveRate(machine, human, 0.01, 0.95),
                OperatingPoint.atFalsePositiveRate(machine, human, 0.05, 0.95));
    }
}
