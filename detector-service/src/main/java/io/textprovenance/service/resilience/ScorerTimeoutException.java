package io.textprovenance.service.resilience;

/** A scoring call exceeded the time limiter's timeout. */
public class ScorerTimeoutException extends RuntimeException {

    public ScorerTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
