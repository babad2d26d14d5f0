package io.textprovenance.scoring.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An interrupted wait withdraws the document's windows. */
class FuturesTests {

    @Test
    void shouldCancelEveryWindowWhenTheWaitingThreadIsInterrupted() throws Exception {
        List<CompletableFuture<String>> windows = List.of(CompletableFuture.completedFuture("done"),
                new CompletableFuture<>(), new CompletableFuture<>());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                Futures.joinAll(windows);
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        waiter.interrupt();
        waiter.join(10_000);

        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(windows.get(1).isCancelled()).isTrue();
        assertThat(windows.get(2).isCancelled()).isTrue();
    }
}
