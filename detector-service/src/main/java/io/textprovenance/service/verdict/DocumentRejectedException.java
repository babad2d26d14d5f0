package io.textprovenance.service.verdict;

/**
 * A document the service refuses because of the input itself, on either channel: REST answers 400 or 413
 * (ProblemAdvice), Kafka dead-letters the record with {@link #getMessage()} as its reason. Only validation throws
 * it; any other exception, an {@link IllegalArgumentException} included, is a failure of the service (REST 500,
 * Kafka retried and then dead-lettered as failed).
 *
 * <p>No stack trace is filled in: the message says everything, and bad input is not rare.
 */
public final class DocumentRejectedException extends RuntimeException {

    /** Why the document is refused. */
    public enum Reason {
        /** malformed or breaking a rule of the request (REST 400) */
        INVALID,
        /** over a size limit: bytes, tokens or documents (REST 413) */
        TOO_LARGE
    }

    private final Reason reason;

    private DocumentRejectedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    /** @param detail what is wrong, for the caller: a field and the rule it breaks */
    public static DocumentRejectedException invalid(String detail) {
        return new DocumentRejectedException(Reason.INVALID, detail);
    }

    /** @param detail the size, the limit and the setting that sets it */
    public static DocumentRejectedException tooLarge(String detail) {
        return new DocumentRejectedException(Reason.TOO_LARGE, detail);
    }

    public Reason reason() {
        return reason;
    }
}
