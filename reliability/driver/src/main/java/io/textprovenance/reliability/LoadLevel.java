package io.textprovenance.reliability;

import java.util.Map;

/** One load level's figures (a row of load.md, an entry of load.json's levels): latencies in milliseconds. */
record LoadLevel(int clients, double seconds, Map<Integer, Long> statuses, long requests, long ok, double okPerSecond,
                 double p50, double p99, double p50All, double p99All, long sheddingWithoutRetryAfter, long errors,
                 long peakRssBytes) {
}
