package io.textprovenance.scoring.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The batcher's waiting windows, one FIFO per submission, served round-robin: {@link #collect} takes the next
 * window of the submission at the head of the ring and moves that submission to the back while it has more.
 * Windows whose future is already done (cancelled by a caller who gave up) are dropped unseen.
 */
final class FairQueue {

    private final Deque<Deque<DynamicBatcher.Job>> ring = new ArrayDeque<>();
    private int size;

    /** Admits all of {@code jobs} as one submission, or none when {@code limit} windows or more already wait. */
    synchronized boolean offer(List<DynamicBatcher.Job> jobs, int limit) {
        if (size >= limit) {
            return false;
        }
        if (!jobs.isEmpty()) {
            ring.addLast(new ArrayDeque<>(jobs));
            size += jobs.size();
            notifyAll();
        }
        return true;
    }

    synchronized int size() {
        return size;
    }

    /**
     * Waits up to {@code idleNanos} for a first window, then takes windows round-robin until they hold
     * {@code tokenBudget} tokens or {@code maxWaitNanos} have passed since the first.
     */
    synchronized List<DynamicBatcher.Job> collect(int tokenBudget, long maxWaitNanos, long idleNanos)
            throws InterruptedException {
        List<DynamicBatcher.Job> collected = new ArrayList<>();
        DynamicBatcher.Job first = next();
        long idleDeadline = System.nanoTime() + idleNanos;
        while (first == null) {
            long left = idleDeadline - System.nanoTime();
            if (left <= 0) {
                return collected;
            }
            waitNanos(left);
            first = next();
        }
        collected.add(first);
        long tokens = first.window().length;
        long deadline = System.nanoTime() + maxWaitNanos;
        while (tokens < tokenBudget) {
            DynamicBatcher.Job job = next();
            if (job == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                waitNanos(left);
                continue;
            }
            collected.add(job);
            tokens += job.window().length;
        }
        return collected;
    }

    /** Everything still waiting, removed. */
    synchronized List<DynamicBatcher.Job> drain() {
        List<DynamicBatcher.Job> all = new ArrayList<>();
        ring.forEach(all::addAll);
        ring.clear();
        size = 0;
        return all;
    }

    private DynamicBatcher.Job next() {
        while (!ring.isEmpty()) {
            Deque<DynamicBatcher.Job> submission = ring.pollFirst();
            while (!submission.isEmpty() && submission.peekFirst().result().isDone()) {
                submission.pollFirst();   // withdrawn by its caller
                size--;
            }
            if (submission.isEmpty()) {
                continue;
            }
            DynamicBatcher.Job job = submission.pollFirst();
            size--;
            if (!submission.isEmpty()) {
                ring.addLast(submission);
            }
            return job;
        }
        return null;
    }

    private void waitNanos(long nanos) throws InterruptedException {
        long millis = Math.max(1, nanos / 1_000_000);
        wait(millis);
    }
}
