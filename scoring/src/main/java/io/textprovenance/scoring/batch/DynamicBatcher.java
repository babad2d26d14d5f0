package io.textprovenance.scoring.batch;

import io.textprovenance.scoring.ScorerOverloadedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Groups the windows of concurrent callers into model calls, fairly.
 *
 * <p>Each {@link #submit} (one document) waits in a round-robin queue ({@link FairQueue}): a worker takes one
 * window of each waiting submission in turn until the token budget is full or the maximum wait has passed, so
 * a document of a thousand windows cannot hold the model while a short one waits behind it; the collected
 * windows are sorted by length and cut into batches of one length bucket each within the budget.
 *
 * <p>A document's windows are admitted together or not at all: when more than {@code maxQueuedWindows} wait,
 * {@link #submit} throws {@link ScorerOverloadedException} instead of growing memory. Cancelling a returned
 * future (the caller timed out or went away) withdraws its window: it is never run. Owns its worker threads;
 * {@link #close} stops them and fails what is left.
 */
public final class DynamicBatcher implements AutoCloseable {

    private final ModelRunner runner;
    private final BatchingSettings settings;
    private final FairQueue queue = new FairQueue();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService workers;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong windowsRun = new AtomicLong();
    private volatile IntConsumer batchObserver = size -> { };

    public DynamicBatcher(ModelRunner runner, BatchingSettings settings) {
        this.runner = runner;
        this.settings = settings;
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), task -> {
            Thread thread = new Thread(task, "scorer-batcher-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < settings.workers(); i++) {
            workers.execute(this::work);
        }
    }

    /**
     * Queues all windows of one document.
     *
     * @return one future per window, completed with its result or with the runtime's exception; cancel them to
     *         withdraw the windows not yet run
     * @throws ScorerOverloadedException if the queue is full
     * @throws IllegalStateException     after {@link #close}
     */
    public List<CompletableFuture<WindowResult>> submit(List<long[]> windows, boolean withHiddenStates) {
        return submit(windows, window -> withHiddenStates);
    }

    /**
     * Queues all windows of one document, each with the hidden states or not as {@code withHiddenStates} says
     * for its index (a batch computes them when one of its windows wants them).
     *
     * @see #submit(List, boolean)
     */
    public List<CompletableFuture<WindowResult>> submit(List<long[]> windows,
                                                        java.util.function.IntPredicate withHiddenStates) {
        if (closed.get()) {
            throw new IllegalStateException("the scorer is closed");
        }
        List<Job> jobs = new ArrayList<>(windows.size());
        for (int w = 0; w < windows.size(); w++) {
            jobs.add(new Job(windows.get(w), withHiddenStates.test(w), new CompletableFuture<>()));
        }
        if (!queue.offer(jobs, settings.maxQueuedWindows())) {
            throw new ScorerOverloadedException("scorer queue full: " + queue.size() + " windows waiting (limit "
                    + settings.maxQueuedWindows() + "); retry later");
        }
        return jobs.stream().map(Job::result).toList();
    }

    /** Called with the size of every batch run, e.g. to feed a metrics histogram. */
    public void onBatch(IntConsumer observer) {
        this.batchObserver = Objects.requireNonNull(observer);
    }

    /** Windows waiting now (withdrawn ones until a worker discards them). */
    public int queuedWindows() {
        return queue.size();
    }

    /** Model calls made so far. */
    public long batches() {
        return batches.get();
    }

    /** Windows run so far. */
    public long windowsRun() {
        return windowsRun.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job job : queue.drain()) {
            job.result().completeExceptionally(new IllegalStateException("the scorer was closed"));
        }
    }

    private void work() {
        while (!closed.get()) {
            try {
                List<Job> collected = queue.collect(settings.maxBatchTokens(), settings.maxWait().toNanos(),
                        TimeUnit.MILLISECONDS.toNanos(100));
                if (!collected.isEmpty()) {
                    runInBuckets(collected);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runInBuckets(List<Job> jobs) {
        jobs.sort(Comparator.comparingInt(job -> job.window().length));
        List<Job> batch = new ArrayList<>();
        int bucket = -1;
        for (Job job : jobs) {
            int jobBucket = (job.window().length + settings.bucketWidth() - 1) / settings.bucketWidth();
            long paddedIfAdded = (long) (batch.size() + 1) * job.window().length;
            if (!batch.isEmpty() && (jobBucket != bucket || paddedIfAdded > settings.maxBatchTokens())) {
                run(batch);
                batch = new ArrayList<>();
            }
            bucket = jobBucket;
            batch.add(job);
        }
        if (!batch.isEmpty()) {
            run(batch);
        }
    }

    private void run(List<Job> collected) {
        List<Job> batch = collected.stream().filter(job -> !job.result().isDone()).toList();   // withdrawn meanwhile
        if (batch.isEmpty()) {
            return;
        }
        boolean withHidden = batch.stream().anyMatch(Job::withHiddenStates);
        try {
            List<WindowResult> results = runner.run(batch.stream().map(Job::window).toList(), withHidden);
            batches.incrementAndGet();
            windowsRun.addAndGet(batch.size());
            batchObserver.accept(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(job -> job.result().completeExceptionally(e));
        }
    }

    /** One window of one submission, and where its result goes. */
    record Job(long[] window, boolean withHiddenStates, CompletableFuture<WindowResult> result) {
    }
}
