package io.textprovenance.scoring;

/** The scorer's queue is full: the caller should back off and retry (HTTP 429/503, Kafka retry). */
public class ScorerOverloadedException extends RuntimeException {

    public ScorerOverloadedException(String message) {
        super(message);
    }
}
