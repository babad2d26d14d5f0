package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.verdict.Decision;
import io.textprovenance.verdict.Label;
import io.textprovenance.verdict.PValues;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Issue 16: the summary says in plain words what each kind of verdict means; no statistician's words. */
class VerdictSummaryTests {

    private final VerdictSummary summary = new VerdictSummary(
            new VerdictProperties(0.05, 32, 0.01, 0.05, 0.5, 0.2, DataSize.ofMegabytes(1), 32, 4096));
    private final LabelBasis whole = new LabelBasis(200, true, 0, 900, "the label rests on all 200 tokens");

    @Test
    void shouldStateTheErrorRateOfAMachineCall() {
        String text = summary.of(new Decision(Label.MACHINE, "pawn", "r"), new PValues(0.004, 0.8, 96), whole, 200);

        assertThat(text).startsWith("Likely machine-written").contains("all but 0.40% of human-written",
                "at most 1% of human texts");
    }

    @Test
    void shouldStateTheErrorRateOfAHumanCallAndItsLimit() {
        String text = summary.of(new Decision(Label.HUMAN, "zero-shot", "r"), new PValues(0.6, 0.02, 96), whole, 200);

        assertThat(text).startsWith("Likely human-written").contains("all but 2% of machine-written",
                "at most 5% of the time", "very different generator");
    }

    @Test
    void shouldSayWhyThereIsNoCall() {
        String text = summary.of(new Decision(Label.UNCERTAIN, "pawn", "r"), new PValues(0.1767, 0.0386 * 3, 96), whole,
                200);

        assertThat(text).startsWith("No call").contains("18% of human-written", "12% of machine-written");
    }

    @Test
    void shouldNotReadNoMachineReferencesAsEvidenceOfAHumanAuthor() {
        // issue 14: without machine references of the text's length the policy says uncertain, whatever the score
        String text = summary.of(new Decision(Label.UNCERTAIN, "pawn", "r"), new PValues(0.6, null, 96), whole, 200);

        assertThat(text).startsWith("No call").contains("60% of human-written", "no machine-written references",
                "nothing here is evidence of a human author");
    }

    @Test
    void shouldGiveNoNumbersForATooShortText() {
        String text = summary.of(new Decision(Label.UNCERTAIN, "too-short", "r"), PValues.NONE, whole, 18);

        assertThat(text).startsWith("Too short to judge: 18 tokens, and at least 32 are needed")
                .contains("No probability or p-value");
    }

    @Test
    void shouldSayWhichPartOfALongTextTheLabelRestsOn() {
        LabelBasis first512 = new LabelBasis(512, false, 0, 2873,
                "the label rests on the first 512 of the 2140 tokens (characters 0 to 2873)");
        String text = summary.of(new Decision(Label.UNCERTAIN, "pawn", "r"), new PValues(0.3, 0.3, 96), first512, 2140);

        assertThat(text).endsWith("The label rests on the first 512 of the 2140 tokens (characters 0 to 2873).");
    }

    @Test
    void shouldAvoidJargonInEverySummary() {
        for (Decision decision : new Decision[] {new Decision(Label.MACHINE, "pawn", "r"),
                new Decision(Label.HUMAN, "pawn", "r"), new Decision(Label.UNCERTAIN, "zero-shot", "r"),
                new Decision(Label.UNCERTAIN, "no-content", "r"), new Decision(Label.HUMAN, "pawn", "r")}) {
            for (PValues p : new PValues[] {new PValues(0.005, 0.01, 96), new PValues(0.5, null, 96), PValues.NONE}) {
                assertThat(summary.of(decision, p, whole, 100))
                        .doesNotContain("PAWN", "missPValue", "pValue", "liketropy", "H0", "null");
            }
        }
    }
}
