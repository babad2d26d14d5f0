/**
 * Zero-shot provenance tests and detection statistics over per-token language-model metrics.
 *
 * <p>The input is a {@link io.textprovenance.stats.TokenSeries}: for each scored token, the surprisal
 * of the observed token under model A, the entropy and varentropy of A's next-token distribution, and
 * the exact mean and variance of the clipped surprisal. The tests in
 * {@link io.textprovenance.stats.inference} decide H0 "the text was sampled from A at temperature 1"
 * with a guaranteed type-I error; {@link io.textprovenance.stats.score} holds the detection scores
 * and {@link io.textprovenance.stats.calibration} turns scores into thresholds, p-values and AUROCs.
 * The mathematics is derived in {@code docs/statistics.md}. This module has no runtime dependencies.
 */
package io.textprovenance.stats;
