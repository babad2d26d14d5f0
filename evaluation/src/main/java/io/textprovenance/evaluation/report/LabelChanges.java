package io.textprovenance.evaluation.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.textprovenance.stats.calibration.Interval;
import io.textprovenance.stats.calibration.Proportions;
import java.util.List;
import java.util.Objects;

/**
 * How many texts got another label after a change: the labels before and after, text by text.
 *
 * @param compared texts labelled both before and after
 * @param changed  those whose label differs
 * @param interval 95% Wilson interval of changed / compared; null when nothing was compared
 */
public record LabelChanges(int compared, int changed, Interval interval) {

    /**
     * Compares before.get(i) with after.get(i); a null label (no score for that text) leaves the pair out.
     *
     * @throws IllegalArgumentException when the lists are not of one length
     */
    static LabelChanges of(List<String> before, List<String> after) {
        if (before.size() != after.size()) {
            throw new IllegalArgumentException(before.size() + " labels before, " + after.size() + " after");
        }
        int compared = 0;
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != null && after.get(i) != null) {
                compared++;
                changed += Objects.equals(before.get(i), after.get(i)) ? 0 : 1;
            }
        }
        return new LabelChanges(compared, changed, compared == 0 ? null : Proportions.wilson(changed, compared, 0.95));
    }

    /** changed / compared, NaN when nothing was compared. */
    @JsonProperty("share")
    public double share() {
        return compared == 0 ? Double.NaN : changed / (double) compared;
    }
}
