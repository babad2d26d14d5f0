/**
 * Attribution among several candidate models: the provenance test of H0_M "sampled from model M" for each
 * candidate, with a Bonferroni correction across the candidates ({@link
 * io.textprovenance.stats.attribution.ModelAttribution}).
 */
package io.textprovenance.stats.attribution;
