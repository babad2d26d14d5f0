package io.textprovenance.scoring.batch;

import java.time.Duration;

/**
 * How windows are grouped into model calls.
 *
 * @param maxBatchTokens   most padded tokens (batch size x longest window) in one model call
 * @param maxWait          how long the first window of a batch waits for company
 * @param maxQueuedWindows windows allowed to wait; a new document is refused while the queue holds more
 * @param bucketWidth      windows whose lengths round up to the same multiple of this share a batch
 * @param workers          threads calling the model (1 is right on CPU, where each call uses all cores)
 */
public record BatchingSettings(int maxBatchTokens, Duration maxWait, int maxQueuedWindows, int bucketWidth,
                               int workers) {

    public BatchingSettings {
        if (maxBatchTokens < 1 || maxQueuedWindows < 1 || bucketWidth < 1 || workers < 1) {
            throw new IllegalArgumentException("batching settings must be positive: " + maxBatchTokens + ", "
                    + maxQueuedWindows + ", " + bucketWidth + ", " + workers);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0, got " + maxWait);
        }
    }

    /** 8,192 padded tokens per call (32 windows of 256), 5 ms wait, 4,096 queued windows, buckets of 32. */
    public static BatchingSettings defaults() {
        return new BatchingSettings(8192, Duration.ofMillis(5), 4096, 32, 1);
    }
}
