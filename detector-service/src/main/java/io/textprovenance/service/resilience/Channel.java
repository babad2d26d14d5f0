package io.textprovenance.service.resilience;

/** Where a scoring call comes from; each channel has its own bulkhead so neither starves the other. */
public enum Channel {
    REST, KAFKA
}
