package io.textprovenance.service.ingest;

/** A record that can never become a verdict: it goes to the dead-letter topic with this reason. */
class InvalidDocumentException extends RuntimeException {

    InvalidDocumentException(String reason) {
        super(reason);
    }
}
