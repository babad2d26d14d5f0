package io.textprovenance.service.ingest;

/** Headers of a dead letter, all UTF-8 text. */
public final class DeadLetterHeaders {

    /** Why the record could not become a verdict. */
    public static final String REASON = "detector-dlt-reason";
    public static final String ORIGINAL_TOPIC = "detector-dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "detector-dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "detector-dlt-original-offset";

    private DeadLetterHeaders() {
    }
}
