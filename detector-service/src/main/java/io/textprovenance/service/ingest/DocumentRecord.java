package io.textprovenance.service.ingest;

import java.util.List;

/** A document as it arrives on the input topic; models: those its attribution tests, null for the default. */
record DocumentRecord(String id, String text, boolean explain, List<String> models) {
}
