package io.textprovenance.scoring.batch;

import io.textprovenance.scoring.ScorerOverloadedException;
import io.textprovenance.scoring.onnx.ModelRunner;
import io.textprovenance.scoring.onnx.WindowResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Groups the windows of concurrent callers into model calls.
 *
 * <p>Each worker takes the oldest waiting window, then collects more until the token budget is full or
 * the maximum wait has passed; the collected windows are sorted by length and cut into batches of one
 * length bucket each within the budget. A document's windows are admitted together or not at all: when
 * more than {@code maxQueuedWindows} wait, {@link #submit} throws {@link ScorerOverloadedException}
 * instead of growing memory. Owns its worker threads; {@link #close} stops them and fails what is left.
 */
public final class DynamicBatcher implements AutoCloseable {

    private final ModelRunner runner;
    private final BatchingSettings settings;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
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
     * @return one future per window, completed with its result or with the runtime's exception
     * @throws ScorerOverloadedException if the queue is full
     * @throws IllegalStateException     after {@link #close}
     */
    public List<CompletableFuture<WindowResult>> submit(List<long[]> windows, boolean withHiddenStates) {
        if (closed.get()) {
            throw new IllegalStateException("the scorer is closed");
        }
        int waiting = queued.get();
        if (waiting >= settings.maxQueuedWindows()) {
            throw new ScorerOverloadedException("scorer queue full: " + waiting + " windows waiting (limit "
                    + settings.maxQueuedWindows() + "); retry later");
        }
        List<CompletableFuture<WindowResult>> futures = new ArrayList<>(windows.size());
        queued.addAndGet(windows.size());
        for (long[] window : windows) {
            Job job = new Job(window, withHiddenStates, new CompletableFuture<>());
            futures.add(job.result());
            queue.add(job);
        }
        return futures;
    }

    /** Called with the size of every batch run, e.g. to feed a metrics histogram. */
    public void onBatch(IntConsumer observer) {
        this.batchObserver = java.util.Objects.requireNonNull(observer);
    }

    /** Windows waiting now. */
    public int queuedWindows() {
        return queued.get();
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
        Job job;
        while ((job = queue.poll()) != null) {
            job.result().completeExceptionally(new IllegalStateException("the scorer was closed"));
        }
    }

    private void work() {
        while (!closed.get()) {
            try {
                List<Job> collected = collect();
                if (!collected.isEmpty()) {
                    queued.addAndGet(-collected.size());
                    runInBuckets(collected);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Job> collect() throws InterruptedException {
        List<Job> collected = new ArrayList<>();
        Job first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return collected;
        }
        collected.add(first);
        long tokens = first.window().length;
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (tokens < settings.maxBatchTokens()) {
            Job next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (next = queue.poll(left, TimeUnit.NANOSECONDS)) == null) {
                    break;
                }
            }
            collected.add(next);
            tokens += next.window().length;
        }
        return collected;
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

    private void run(List<Job> batch) {
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

    private record Job(long[] window, boolean withHiddenStates, CompletableFuture<WindowResult> result) {
    }
}
