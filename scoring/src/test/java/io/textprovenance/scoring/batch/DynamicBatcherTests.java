package io.textprovenance.scoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.scoring.ScorerOverloadedException;
import io.textprovenance.scoring.ScoringException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DynamicBatcherTests {

    /** A runner whose "log-probability" at index j is the next input id, so results can be traced back. */
    static final class EchoRunner implements ModelRunner {
        final List<List<Integer>> batchLengths = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public List<WindowResult> run(List<long[]> windows, boolean withHiddenStates) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batchLengths.add(windows.stream().map(w -> w.length).toList());
            List<WindowResult> results = new ArrayList<>();
            for (long[] window : windows) {
                int n = window.length - 1;
                float[] echo = new float[n];
                for (int j = 0; j < n; j++) {
                    echo[j] = window[j + 1];
                }
                results.add(new WindowResult(echo, new float[n], new float[n], new float[n], new float[n],
                        new float[n], new float[n], new float[n], null));
            }
            return results;
        }

        @Override
        public long bytesCopiedOut() {
            return 0;
        }
    }

    @Test
    void shouldGiveEveryConcurrentCallerItsOwnResults() throws Exception {
        EchoRunner runner = new EchoRunner();
        try (DynamicBatcher batcher = new DynamicBatcher(runner,
                new BatchingSettings(1024, Duration.ofMillis(20), 10_000, 32, 2))) {
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int caller = 0; caller < 64; caller++) {
                int id = caller;
                checks.add(callers.submit(() -> {
                    long[] window = new long[2 + id % 40];
                    for (int t = 0; t < window.length; t++) {
                        window[t] = id * 1000L + t;
                    }
                    WindowResult result = batcher.submit(List.of(window), false).get(0).get(10, TimeUnit.SECONDS);
                    for (int j = 0; j < window.length - 1; j++) {
                        if (result.logProb()[j] != window[j + 1]) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get(20, TimeUnit.SECONDS)).isTrue();
            }
            callers.shutdown();
            assertThat(batcher.windowsRun()).isEqualTo(64);
            assertThat(batcher.batches()).isLessThan(64);
        }
    }

    @Test
    void shouldKeepEachBatchWithinOneLengthBucketAndTheTokenBudget() throws Exception {
        EchoRunner runner = new EchoRunner();
        runner.gate = new CountDownLatch(1);
        try (DynamicBatcher batcher = new DynamicBatcher(runner,
                new BatchingSettings(256, Duration.ofMillis(50), 1000, 32, 1))) {
            List<long[]> windows = new ArrayList<>();
            for (int length : new int[] {10, 20, 30, 40, 60, 64, 64, 64, 64, 64, 200}) {
                windows.add(new long[length]);
            }
            List<CompletableFuture<WindowResult>> futures = batcher.submit(windows, false);
            runner.gate.countDown();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        for (List<Integer> lengths : runner.batchLengths) {
            int longest = Collections.max(lengths);
            int bucket = (longest + 31) / 32;
            assertThat(lengths).allMatch(length -> (length + 31) / 32 == bucket);
            assertThat((long) lengths.size() * longest).isLessThanOrEqualTo(Math.max(256, longest));
        }
        assertThat(runner.batchLengths.stream().mapToInt(List::size).sum()).isEqualTo(11);
    }

    @Test
    void shouldRefuseNewDocumentsWhenTheQueueIsFull() throws Exception {
        EchoRunner runner = new EchoRunner();
        runner.gate = new CountDownLatch(1);
        try (DynamicBatcher batcher = new DynamicBatcher(runner,
                new BatchingSettings(8, Duration.ZERO, 3, 32, 1))) {
            List<CompletableFuture<WindowResult>> first = batcher.submit(List.of(new long[8]), false);
            List<CompletableFuture<WindowResult>> second = new ArrayList<>();
            // the worker holds the first window at the gate; these three fill the queue
            second.addAll(batcher.submit(List.of(new long[8], new long[8], new long[8]), false));
            assertThatThrownBy(() -> batcher.submit(List.of(new long[8]), false))
                    .isInstanceOf(ScorerOverloadedException.class).hasMessageContaining("queue full");
            runner.gate.countDown();
            first.get(0).get(10, TimeUnit.SECONDS);
            for (CompletableFuture<WindowResult> future : second) {
                future.get(10, TimeUnit.SECONDS);
            }
            assertThat(batcher.submit(List.of(new long[8]), false).get(0).get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void shouldFailTheCallersOfABatchWhoseRunFails() {
        ModelRunner failing = new ModelRunner() {
            @Override
            public List<WindowResult> run(List<long[]> windows, boolean withHiddenStates) {
                throw new ScoringException("boom", new RuntimeException("native"));
            }

            @Override
            public long bytesCopiedOut() {
                return 0;
            }
        };
        try (DynamicBatcher batcher = new DynamicBatcher(failing, BatchingSettings.defaults())) {
            CompletableFuture<WindowResult> future = batcher.submit(List.of(new long[4]), false).get(0);
            assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ScoringException.class);
        }
    }

    @Test
    void shouldRefuseWorkAfterClose() {
        DynamicBatcher batcher = new DynamicBatcher(new EchoRunner(), BatchingSettings.defaults());
        batcher.close();
        batcher.close();
        assertThatThrownBy(() -> batcher.submit(List.of(new long[4]), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** Records which windows ran, by their first id, batch by batch; holds every run at the gate until opened. */
    static final class RecordingRunner implements ModelRunner {
        final List<List<Long>> batches = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstBatchTaken = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public List<WindowResult> run(List<long[]> windows, boolean withHiddenStates) {
            batches.add(windows.stream().map(w -> w[0]).toList());
            firstBatchTaken.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return windows.stream().map(w -> new WindowResult(new float[w.length - 1], new float[w.length - 1],
                    new float[w.length - 1], new float[w.length - 1], new float[w.length - 1], new float[w.length - 1],
                    new float[w.length - 1], new float[w.length - 1], null)).toList();
        }

        @Override
        public long bytesCopiedOut() {
            return 0;
        }
    }

    private static List<long[]> windows(long marker, int count) {
        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] window = new long[8];
            window[0] = marker;
            windows.add(window);
        }
        return windows;
    }

    @Test
    void shouldServeASmallRequestInTheNextBatchWhileALargeOneIsQueued() throws Exception {
        RecordingRunner runner = new RecordingRunner();
        // 4 windows of 8 tokens per batch; no waiting for company
        try (DynamicBatcher batcher = new DynamicBatcher(runner, new BatchingSettings(32, Duration.ZERO, 10_000, 32, 1))) {
            List<CompletableFuture<WindowResult>> large = batcher.submit(windows(1, 40), false);
            assertThat(runner.firstBatchTaken.await(10, TimeUnit.SECONDS)).isTrue();   // the worker holds batch 1
            List<CompletableFuture<WindowResult>> small = batcher.submit(windows(2, 2), false);
            runner.gate.countDown();
            CompletableFuture.allOf(small.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(large.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        assertThat(runner.batches.get(0)).containsOnly(1L);
        // round-robin: the small request's two windows run in the second batch, not after the large one's 36 others
        assertThat(runner.batches.get(1)).contains(2L, 2L).hasSize(4);
        assertThat(runner.batches.stream().mapToInt(List::size).sum()).isEqualTo(42);
    }

    @Test
    void shouldNeverRunTheWindowsOfACancelledRequest() throws Exception {
        RecordingRunner runner = new RecordingRunner();
        try (DynamicBatcher batcher = new DynamicBatcher(runner, new BatchingSettings(32, Duration.ZERO, 10_000, 32, 1))) {
            List<CompletableFuture<WindowResult>> abandoned = batcher.submit(windows(1, 40), false);
            assertThat(runner.firstBatchTaken.await(10, TimeUnit.SECONDS)).isTrue();
            abandoned.forEach(future -> future.cancel(false));   // its caller timed out
            List<CompletableFuture<WindowResult>> next = batcher.submit(windows(2, 3), false);
            runner.gate.countDown();
            CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(batcher.queuedWindows()).isZero();
        }
        // only the batch already running when the request was cancelled; none of its 36 waiting windows
        assertThat(runner.batches.stream().flatMap(List::stream).filter(marker -> marker == 1L).count()).isEqualTo(4);
        assertThat(runner.batches.stream().flatMap(List::stream).filter(marker -> marker == 2L).count()).isEqualTo(3);
    }
}
