package io.textprovenance.scoring;

/** Where the model runs. */
public enum ExecutionDevice {
    /** The CPU execution provider. */
    CPU,
    /** CUDA if the runtime has it and a device answers, else CPU with a log line. */
    AUTO,
    /** CUDA or fail: for deployments that must not silently fall back. */
    CUDA
}
