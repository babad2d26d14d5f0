package io.textprovenance.reliability;

/** One produced record: what was sent, and where and when the broker acknowledged it. */
final class Doc {
    final String id;
    final Kind kind;
    final int segment;
    final String key;
    final byte[] value;
    volatile int partition = -1;
    volatile long offset = -1;
    volatile String sendError;
    volatile long producedAt;

    Doc(String id, Kind kind, int segment, String key, byte[] value) {
        this.id = id;
        this.kind = kind;
        this.segment = segment;
        this.key = key;
        this.value = value;
    }

    String origin() {
        return partition + ":" + offset;
    }
}
