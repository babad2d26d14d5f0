package io.textprovenance.scoring.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a document's window results; rethrows a failure as it was thrown. */
final class Futures {

    private Futures() {
    }

    /**
     * The results in order. When one window fails, or the waiting thread is interrupted (its caller timed out or
     * went away), the windows not yet run are withdrawn from the batcher (their futures cancelled) before this
     * throws: no model time is spent on a document nobody waits for.
     *
     * @throws CancellationException when interrupted (the interrupt flag is kept)
     */
    static <T> List<T> joinAll(List<CompletableFuture<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            cancel(futures);
            Thread.currentThread().interrupt();
            throw new CancellationException("scoring was cancelled: its caller stopped waiting");
        } catch (ExecutionException e) {
            cancel(futures);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> void cancel(List<CompletableFuture<T>> futures) {
        futures.forEach(future -> future.cancel(false));
    }
}
