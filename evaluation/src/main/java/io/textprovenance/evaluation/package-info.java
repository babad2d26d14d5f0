/** Commands that measure the detector on data: readers for the shared formats, checks and benchmarks. */
package io.textprovenance.evaluation;
