package io.textprovenance.verdict;

/** The label of a verdict. */
public enum Label {

    MACHINE, HUMAN, UNCERTAIN;

    /** "machine", "human" or "uncertain": the label as the response and the report write it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
