package io.textprovenance.service.resilience;

import java.util.concurrent.CancellationException;

/**
 * The REST client closed its connection while its request waited for scoring; the scoring was cancelled. A
 * {@link CancellationException}, so the circuit breaker does not count it as a failure of the scorer.
 */
public class ClientGoneException extends CancellationException {

    public ClientGoneException() {
        super("the client closed its connection; its scoring was cancelled");
    }
}
