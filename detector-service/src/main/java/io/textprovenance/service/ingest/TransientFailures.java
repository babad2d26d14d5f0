package io.textprovenance.service.ingest;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.textprovenance.scoring.ScorerOverloadedException;
import io.textprovenance.service.resilience.ScorerTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The one rule for which failures pass with time: the scorer refusing work (circuit open, bulkhead full, queue
 * full, a timeout) or a Kafka error the client calls retriable (broker or leader unavailable, a timeout). A
 * record failing with one is retried without limit, since dead-lettering a valid document for an outage would
 * lose it; any other failure is the record's own and is retried a bounded number of times, then dead-lettered.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CallNotPermittedException || cause instanceof BulkheadFullException
                    || cause instanceof ScorerOverloadedException || cause instanceof ScorerTimeoutException
                    || cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message worth showing in a dead letter's reason. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
