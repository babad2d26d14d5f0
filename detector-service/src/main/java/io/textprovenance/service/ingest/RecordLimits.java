package io.textprovenance.service.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Size bounds of what the pipeline publishes, all derived from the producer's {@code max.request.size}
 * ({@code detector.kafka.max-record-size}): a record's key, value and headers together must stay below it, or
 * the producer refuses it ({@code RecordTooLargeException}) and no retry can help.
 *
 * <p>Keys are cut to {@link #KEY_BYTES}, a dead letter's reason to {@link #REASON_BYTES}; the other headers are
 * short (a topic name of at most 249 characters, numbers, a digest). {@link #OVERHEAD_BYTES} covers them and the
 * record batch's framing with room to spare, so a value of at most {@link #valueBytes()} always fits.
 *
 * @param maxRecordSize the producer's max.request.size in bytes
 */
public record RecordLimits(int maxRecordSize) {

    /** Longest key published, in UTF-8 bytes. */
    public static final int KEY_BYTES = 1024;
    /** Longest dead-letter reason, in UTF-8 bytes. */
    public static final int REASON_BYTES = 1024;
    /** Room kept for key, headers and framing. */
    public static final int OVERHEAD_BYTES = 8 * 1024;
    /** Smallest allowed max.request.size: values must keep at least 8 KiB. */
    public static final int MIN_RECORD_SIZE = 2 * OVERHEAD_BYTES;

    public RecordLimits {
        if (maxRecordSize < MIN_RECORD_SIZE) {
            throw new IllegalArgumentException("max record size must be at least " + MIN_RECORD_SIZE + " bytes, got "
                    + maxRecordSize);
        }
    }

    /** The largest value (a verdict's JSON, a dead letter's excerpt) a published record may carry. */
    public int valueBytes() {
        return maxRecordSize - OVERHEAD_BYTES;
    }

    /** {@code text} cut to at most {@code maxBytes} UTF-8 bytes, never inside a character; null stays null. */
    static String cut(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {   // back off to the start of a UTF-8 sequence
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
