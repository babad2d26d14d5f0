package io.textprovenance.service.ingest;

/** Headers of a dead letter, all UTF-8 text. */
public final class DeadLetterHeaders {

    /** Why the record could not become a verdict. */
    public static final String REASON = "detector-dlt-reason";
    public static final String ORIGINAL_TOPIC = "detector-dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "detector-dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "detector-dlt-original-offset";
    /** The original value's length in bytes (absent for a tombstone). */
    public static final String ORIGINAL_SIZE = "detector-dlt-original-size";
    /** Hex sha256 of the original value (absent for a tombstone). */
    public static final String ORIGINAL_SHA256 = "detector-dlt-original-sha256";
    /**
     * "excerpt" when the dead letter's value is only the first bytes of the original (it was larger than
     * {@link RecordLimits#valueBytes()}), "none" when it carries no value at all (the reason-only letter of a
     * record that could not be published), else "whole".
     */
    public static final String PAYLOAD = "detector-dlt-payload";

    private DeadLetterHeaders() {
    }
}
