/** Resilience4j around the scorer: circuit breaker, time limiter, per-channel bulkheads, REST rate limiter. */
package io.textprovenance.service.resilience;
