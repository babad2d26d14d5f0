package io.textprovenance.service.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.scoring.Scorer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the Resilience4j guards from {@link ResilienceProperties} and publishes their metrics. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    static final String SCORER = "scorer";

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(ResilienceProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindow())
                .minimumNumberOfCalls(Math.min(properties.slidingWindow(), 5))
                .waitDurationInOpenState(properties.openDuration())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(java.util.concurrent.CancellationException.class)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RateLimiter restRateLimiter(ResilienceProperties properties, MeterRegistry meters) {
        RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.restRequestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
        return registry.rateLimiter("rest");
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService scoringCallExecutor() {
        AtomicInteger number = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "scoring-call-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    GuardedScorer guardedScorer(Scorer scorer, CircuitBreakerRegistry circuitBreakers, ResilienceProperties properties,
                                RateLimiter restRateLimiter, MeterRegistry meters, ExecutorService scoringCallExecutor) {
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        Bulkhead rest = bulkheads.bulkhead("rest", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.restConcurrency()).maxWaitDuration(properties.restMaxWait()).build());
        Bulkhead kafka = bulkheads.bulkhead("kafka", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.kafkaConcurrency()).maxWaitDuration(Duration.ofSeconds(30)).build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(SCORER);
        TimeLimiter timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout())
                .cancelRunningFuture(true).build());
        return new GuardedScorer(scorer, circuitBreaker, timeLimiter, Map.of(Channel.REST, rest, Channel.KAFKA, kafka),
                Map.of(Channel.REST, restRateLimiter), scoringCallExecutor);
    }
}
