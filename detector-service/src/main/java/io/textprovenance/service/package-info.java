/**
 * The Spring Boot service. Packages by feature: {@code verdict} (REST and the verdict itself),
 * {@code ingest} (Kafka), {@code scoring} (the scorer and PAWN beans), {@code resilience} (circuit
 * breaker, time limiter, bulkhead, rate limiter), {@code problem} (RFC 9457 errors), {@code security}
 * (API keys), {@code kafka} (the embedded broker of the local profile).
 */
package io.textprovenance.service;
