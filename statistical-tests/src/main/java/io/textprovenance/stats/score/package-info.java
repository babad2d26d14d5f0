/**
 * Zero-shot detection scores from per-token metrics, all oriented so that larger means more
 * machine-like: liketropy, the Fast-DetectGPT analytic criterion, mean log-likelihood, and the negated
 * mean log-rank.
 */
package io.textprovenance.stats.score;
