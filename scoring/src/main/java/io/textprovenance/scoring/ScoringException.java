package io.textprovenance.scoring;

/** The model runtime failed while scoring; the cause is the runtime's own exception. */
public class ScoringException extends RuntimeException {

    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
