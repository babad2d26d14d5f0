/**
 * The provenance tests of H0 "sampled from model A at temperature 1": {@link
 * io.textprovenance.stats.inference.AzumaTest} (Radvand et al. 2025 with clipping), {@link
 * io.textprovenance.stats.inference.VarianceAdaptiveTest} (Freedman-Bennett with the exact predictable
 * variance) and {@link io.textprovenance.stats.inference.AnytimeTest} (a mixture confidence sequence
 * valid under optional stopping).
 */
package io.textprovenance.stats.inference;
