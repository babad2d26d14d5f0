package io.textprovenance.service.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the documents listener makes progress. It is stalled when a poll's batch has been running, or batches
 * have kept failing (scoring or publishing, retried by the error handler), for longer than
 * {@code detector.kafka.stall-after} without one completing: there are records it cannot get past. An idle
 * listener (no records, no lag) is never stalled. Thread-safe: several listener threads report here.
 */
public final class ConsumerProgress {

    private final Clock clock;
    private final Duration stallAfter;
    private Instant runningSince;
    private int running;
    private Instant failingSince;
    private Instant lastCompleted;
    private long failures;

    ConsumerProgress(Clock clock, Duration stallAfter) {
        this.clock = clock;
        this.stallAfter = stallAfter;
    }

    synchronized void batchStarted() {
        if (running++ == 0) {
            runningSince = clock.instant();
        }
    }

    synchronized void batchCompleted() {
        finish();
        failingSince = null;
        lastCompleted = clock.instant();
    }

    synchronized void batchFailed() {
        finish();
        failures++;
        if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    private void finish() {
        if (--running <= 0) {
            running = 0;
            runningSince = null;
        }
    }

    /** How long the listener has been without progress while it had work, empty when it is progressing or idle. */
    public synchronized Optional<Duration> withoutProgress() {
        Instant since = earliest(runningSince, failingSince);
        return since == null ? Optional.empty() : Optional.of(Duration.between(since, clock.instant()));
    }

    public synchronized boolean stalled() {
        return withoutProgress().map(duration -> duration.compareTo(stallAfter) > 0).orElse(false);
    }

    public Duration stallAfter() {
        return stallAfter;
    }

    public synchronized Optional<Instant> lastCompleted() {
        return Optional.ofNullable(lastCompleted);
    }

    /** Batches failed since start (each retry counts). */
    public synchronized long failures() {
        return failures;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
