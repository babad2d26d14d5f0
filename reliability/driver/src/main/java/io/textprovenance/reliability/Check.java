package io.textprovenance.reliability;

/** One check of the fault suite's report. */
record Check(String name, boolean passed, String detail) {
}
