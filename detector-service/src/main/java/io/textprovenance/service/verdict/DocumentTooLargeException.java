package io.textprovenance.service.verdict;

/** A document exceeds detector.verdict.max-document-size. */
public class DocumentTooLargeException extends RuntimeException {

    public DocumentTooLargeException(String message) {
        super(message);
    }
}
