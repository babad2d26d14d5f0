package io.textprovenance.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident set size (VmRSS, from /proc) every 200 ms: the peak overall and per load level. */
final class RssSampler {

    private final long pid;
    private final AtomicLong peakRss = new AtomicLong();
    private volatile long levelPeakRss;

    RssSampler(long pid) {
        this.pid = pid;
    }

    /** Starts sampling on a daemon thread; nothing without a pid, and it stops when the process is gone. */
    void start() {
        Thread sampler = new Thread(this::sampleRss, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a new level: its peak counts from now. */
    void resetLevel() {
        levelPeakRss = 0;
    }

    long levelPeak() {
        return levelPeakRss;
    }

    long peak() {
        return peakRss.get();
    }

    private void sampleRss() {
        if (pid <= 0) {
            return;
        }
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        while (true) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long bytes = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                        peakRss.accumulateAndGet(bytes, Math::max);
                        if (bytes > levelPeakRss) {
                            levelPeakRss = bytes;
                        }
                    }
                }
                Thread.sleep(200);
            } catch (IOException e) {
                return;   // the process is gone
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
