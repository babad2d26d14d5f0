package io.textprovenance.stats;

/**
 * The alternative hypothesis of a provenance test, in terms of the mean clipped martingale difference
 * mean_i (min(s_i, c) - E_i^c), whose sign is the sign of log-perplexity minus mean entropy (L - H).
 */
public enum Alternative {
    /** L - H differs from 0 in either direction: "not sampled from A at temperature 1". */
    TWO_SIDED,
    /** L &lt; H: text more predictable than A's own samples, as truncated decoding (top-k/top-p, T &lt; 1) produces. */
    LESS,
    /** L &gt; H: text less predictable than A's own samples, as human text or another model produces. */
    GREATER
}
