package io.textprovenance.stats.inference;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.synthetic.MonteCarlo;
import io.textprovenance.stats.synthetic.SyntheticSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long Monte-Carlo sweep behind the tables of {@code docs/statistics.md}: type-I error and power
 * by length for the three tests. Not part of the normal build; run
 * {@code ./mvnw -B -Psweep -pl statistical-tests test}. Writes
 * {@code statistical-tests/target/sweep/provenance-sweep.md} and prints it. Size with
 * {@code -Dsweep.texts=N} (default 20000).
 */
@Tag("sweep")
class ProvenanceSweepTests {

    static final double CLIP = 8.0;
    static final int[] LENGTHS = {16, 32, 64, 128, 256, 512, 1024, 2048};
    static final double[] ALPHAS = {0.01, 0.05};

    @Test
    void writeSweepTables() throws IOException {
        int texts = Integer.getInteger("sweep.texts", 20_000);
        SyntheticSource modelA = SyntheticSource.modelA(300, 512, CLIP, 7);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Synthetic source: V = 300, 512 Dirichlet distributions"
                + " (concentrations 0.02-1.0), c = %.1f nats, %d texts per row, seeded.%n%n", CLIP, texts));
        section(out, "Type-I error, H0 true (sampled from A at T = 1), two-sided", texts,
                new MonteCarlo(modelA, CLIP).run(texts, LENGTHS, ALPHAS, Alternative.TWO_SIDED, 1), true);
        section(out, "Type-I error, H0 true, one-sided (L < H)", texts,
                new MonteCarlo(modelA, CLIP).run(texts, LENGTHS, ALPHAS, Alternative.LESS, 2), false);
        int powerTexts = Math.max(1000, texts / 10);
        section(out, "Power, sampled at temperature 0.8, one-sided (L < H)", powerTexts,
                new MonteCarlo(modelA.sampledAtTemperature(0.8, CLIP), CLIP)
                        .run(powerTexts, LENGTHS, ALPHAS, Alternative.LESS, 3), false);
        section(out, "Power, sampled from another model (50% mixture), one-sided (L > H)", powerTexts,
                new MonteCarlo(modelA.sampledFromOtherModel(0.5, CLIP), CLIP)
                        .run(powerTexts, LENGTHS, ALPHAS, Alternative.GREATER, 4), false);
        Path target = Path.of("target", "sweep", "provenance-sweep.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out.toString());
        System.out.println(out);
    }

    private static void section(StringBuilder out, String title, int texts, MonteCarlo.Counts counts,
                                boolean withRatio) {
        out.append("**").append(title).append("** (").append(texts).append(" texts)\n\n");
        out.append("| n |");
        for (double alpha : ALPHAS) {
            for (String test : MonteCarlo.TESTS) {
                out.append(' ').append(test).append(" @").append(alpha).append(" |");
            }
        }
        if (withRatio) {
            out.append(" threshold Freedman/Azuma |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(ALPHAS.length * MonteCarlo.TESTS.size() + (withRatio ? 1 : 0)));
        out.append('\n');
        for (int l = 0; l < LENGTHS.length; l++) {
            out.append("| ").append(LENGTHS[l]).append(" |");
            for (int a = 0; a < ALPHAS.length; a++) {
                for (String test : MonteCarlo.TESTS) {
                    out.append(String.format(Locale.ROOT, " %.4f |", counts.rate(test, l, a)));
                }
            }
            if (withRatio) {
                out.append(String.format(Locale.ROOT, " %.3f |", counts.meanThresholdRatio(l)));
            }
            out.append('\n');
        }
        out.append('\n');
    }
}
