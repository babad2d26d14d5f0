package io.textprovenance.service.verdict;

import io.textprovenance.service.resilience.Channel;
import io.textprovenance.service.resilience.ClientConnection;
import io.textprovenance.service.resilience.ClientGoneException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Judges the documents of one batch request, {@value #PARALLELISM} at a time (so the batcher can group their
 * windows without one batch filling the REST bulkhead). The first failure cancels the rest: their scoring
 * threads are interrupted and their queued windows withdrawn, so a batch that answers 503 leaves no work behind.
 * So does the REST client closing its connection while the batch is scored ({@link ClientConnection}).
 */
final class BatchJudge {

    static final int PARALLELISM = 4;

    private final VerdictService verdicts;
    private final ExecutorService executor;

    BatchJudge(VerdictService verdicts, ExecutorService executor) {
        this.verdicts = verdicts;
        this.executor = executor;
    }

    /** Verdicts in request order, for documents {@link VerdictService#validateBatch} accepted. */
    List<Verdict> judgeAll(List<VerdictRequest> documents) {
        Verdict[] results = new Verdict[documents.size()];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(PARALLELISM, documents.size()); w++) {
            workers.add(executor.submit(() -> {
                for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("the batch was cancelled");
                    }
                    VerdictRequest document = documents.get(i);
                    results[i] = verdicts.judgeValidated(Channel.REST, document.id(), document.text(),
                            document.wantsExplanation(), document.models());
                }
                return null;
            }));
        }
        Optional<ClientConnection> client = ClientConnection.current();   // asked on the request's thread
        try {
            for (Future<?> worker : workers) {
                (client.isPresent() ? client.get().watch(worker) : worker).get();
            }
            return List.of(results);
        } catch (ClientGoneException e) {
            workers.forEach(worker -> worker.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            workers.forEach(worker -> worker.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            workers.forEach(worker -> worker.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("the batch request was cancelled");
        }
    }
}
