package io.textprovenance.service.resilience;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** See {@link ClientConnection#watch}. */
final class WatchedFuture<T> implements Future<T> {

    private static final long CHECK_NANOS = ClientConnection.CHECK_INTERVAL.toNanos();

    private final Future<T> work;
    private final ClientConnection client;

    WatchedFuture(Future<T> work, ClientConnection client) {
        this.work = work;
        this.client = client;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return work.get(CHECK_NANOS, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                cancelIfClientGone();
            }
        }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        long budget = unit.toNanos(timeout);
        while (true) {
            long left = budget - (System.nanoTime() - start);
            try {
                return work.get(Math.max(0, Math.min(left, CHECK_NANOS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (budget - (System.nanoTime() - start) <= 0) {
                    throw e;
                }
                cancelIfClientGone();
            }
        }
    }

    private void cancelIfClientGone() {
        if (client.isGone()) {
            work.cancel(true);
            throw new ClientGoneException();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return work.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return work.isCancelled();
    }

    @Override
    public boolean isDone() {
        return work.isDone();
    }
}
