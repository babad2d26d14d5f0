package io.textprovenance.evaluation.report;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr: done/total, rate and ETA; redrawn at most twice a second. */
final class ProgressBar {

    private final String label;
    private final int total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(String label, int total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    void step(int done, long tokens) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 500_000_000L) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        double eta = done == 0 ? 0 : elapsed * (total - done) / done;
        out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d texts, %.0f tokens/s, ETA %.0f s   ", label, "=".repeat(filled),
                " ".repeat(width - filled), done, total, tokens / Math.max(elapsed, 1e-9), eta);
        if (done == total) {
            out.println();
        }
    }
}
