package io.textprovenance.service.ingest;

/** A document as it arrives on the input topic. */
record DocumentRecord(String id, String text, boolean explain) {
}
