package io.textprovenance.service.verdict;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.inference.AnytimeMonitor;
import io.textprovenance.stats.inference.AnytimeTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The anytime-valid provenance test followed along a document, for the console's plot: the monitor observes every
 * token; at about {@value #POINTS} evenly spaced prefix lengths (and at the first crossing) it records the running
 * statistic S_n / n and the boundary at that n. Each sample costs one bisection for the boundary (a few hundred
 * exponentials), so a trace costs about as much as 200 extra tokens of arithmetic, not another model call.
 */
final class ProvenanceTraces {

    /** Samples along the document, besides the first crossing. */
    static final int POINTS = 200;

    private ProvenanceTraces() {
    }

    static ProvenanceTrace of(TokenSeries series, double alpha) {
        AnytimeMonitor monitor = new AnytimeTest().monitor(series.clip(), alpha, Alternative.TWO_SIDED);
        int n = series.size();
        List<TracePoint> points = new ArrayList<>(Math.min(n, POINTS) + 1);
        int next = 1;
        int sample = 0;
        boolean crossed = false;
        for (int i = 0; i < n; i++) {
            monitor.observe(series.tokens().get(i));
            int seen = i + 1;
            boolean crossing = !crossed && monitor.rejected();
            crossed |= crossing;
            if (seen == next || crossing || seen == n) {
                TestResult result = monitor.result();
                points.add(new TracePoint(seen, result.statistic(), result.threshold()));
                while (next <= seen) {
                    sample++;
                    next = (int) Math.ceil((double) sample * n / POINTS);
                }
            }
        }
        TestResult last = monitor.result();
        return new ProvenanceTrace(AnytimeTest.NAME, alpha,
                monitor.rejected() ? monitor.firstRejection() : null, last.pValue(), points);
    }
}
