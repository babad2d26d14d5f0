/**
 * Concentration inequalities for bounded martingale differences, one inequality per class: the
 * Azuma-Hoeffding bound and the Bennett exponent behind Freedman's inequality, with the grid of
 * exponential-supermartingale slopes the variance-adaptive and anytime tests share.
 */
package io.textprovenance.stats.bound;
