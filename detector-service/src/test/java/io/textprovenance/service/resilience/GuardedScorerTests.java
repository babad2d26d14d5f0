package io.textprovenance.service.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.scoring.ScorerInfo;
import io.textprovenance.scoring.tokenizer.TokenizedText;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A scoring call whose caller gives up (the time limit, the caller interrupted by a failed batch, or its REST
 * client gone) is cancelled: the scoring thread is interrupted, which makes the scorer withdraw its queued windows.
 */
class GuardedScorerTests {

    /** Blocks in score() until interrupted, and counts down when it was. */
    static final class BlockingScorer implements Scorer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public ScoredText score(String text, boolean withHiddenStates) {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new java.util.concurrent.CancellationException("gave up");
        }

        @Override
        public ScoredText scoreTokens(long[] tokenIds, boolean withHiddenStates) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenizedText tokenize(String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelManifest manifest() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScorerInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingScorer scorer = new BlockingScorer();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void shouldInterruptTheScoringWhenTheTimeLimitPasses() throws Exception {
        GuardedScorer guarded = guarded(Duration.ofMillis(200));

        assertThatThrownBy(() -> guarded.score(Channel.REST, "text", 0)).isInstanceOf(ScorerTimeoutException.class);
        assertThat(scorer.interrupted.await(10, TimeUnit.SECONDS)).as("scoring thread interrupted").isTrue();
    }

    @Test
    void shouldInterruptTheScoringWhenItsCallerIsInterrupted() throws Exception {
        GuardedScorer guarded = guarded(Duration.ofSeconds(60));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                guarded.score(Channel.REST, "text", 0);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        caller.start();
        assertThat(scorer.started.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(10_000);

        assertThat(thrown.get()).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(scorer.interrupted.await(10, TimeUnit.SECONDS)).as("scoring thread interrupted").isTrue();
    }

    @Test
    void shouldInterruptTheScoringWhenTheRestClientIsGone() throws Exception {
        AtomicBoolean gone = new AtomicBoolean();
        bindRequest(gone::get);
        GuardedScorer guarded = guarded(Duration.ofSeconds(60));
        Thread client = new Thread(() -> {
            try {
                scorer.started.await(10, TimeUnit.SECONDS);
                gone.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        client.start();
        long start = System.nanoTime();

        assertThatThrownBy(() -> guarded.score(Channel.REST, "text", 0)).isInstanceOf(ClientGoneException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(scorer.interrupted.await(10, TimeUnit.SECONDS)).as("scoring thread interrupted").isTrue();
    }

    @Test
    void shouldStillTimeOutWhileItsClientStays() throws Exception {
        bindRequest(() -> false);
        GuardedScorer guarded = guarded(Duration.ofMillis(600));

        assertThatThrownBy(() -> guarded.score(Channel.REST, "text", 0)).isInstanceOf(ScorerTimeoutException.class);
        assertThat(scorer.interrupted.await(10, TimeUnit.SECONDS)).as("scoring thread interrupted").isTrue();
    }

    @Test
    void shouldSpendNoRatePermitOnACallShedAtTheFullBulkhead() throws Exception {
        // one slot, no wait; two permits per hour: the holder of the slot takes one, the shed call must take none
        Bulkhead oneSlot = Bulkhead.of("rest", BulkheadConfig.custom().maxConcurrentCalls(1)
                .maxWaitDuration(Duration.ZERO).build());
        RateLimiter twoPermits = RateLimiter.of("rest", RateLimiterConfig.custom().limitForPeriod(2)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        GuardedScorer guarded = new GuardedScorer(scorer, CircuitBreaker.ofDefaults("scorer"),
                TimeLimiter.of(Duration.ofSeconds(60)), Map.of(Channel.REST, oneSlot, Channel.KAFKA,
                Bulkhead.ofDefaults("kafka")), Map.of(Channel.REST, twoPermits), executor);
        Thread holder = new Thread(() -> {
            try {
                guarded.score(Channel.REST, "text", 0);
            } catch (RuntimeException expected) {   // cancelled below
            }
        });
        holder.start();
        assertThat(scorer.started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(twoPermits.getMetrics().getAvailablePermissions()).isEqualTo(1);

        assertThatThrownBy(() -> guarded.score(Channel.REST, "text", 0)).isInstanceOf(BulkheadFullException.class);
        assertThat(twoPermits.getMetrics().getAvailablePermissions()).as("permits after a shed call").isEqualTo(1);
        holder.interrupt();
        holder.join(10_000);

        twoPermits.acquirePermission();
        assertThatThrownBy(() -> guarded.score(Channel.REST, "text", 0)).isInstanceOf(RequestNotPermitted.class);
        assertThat(oneSlot.getMetrics().getAvailableConcurrentCalls()).as("slot released after 429").isEqualTo(1);
    }

    @Test
    void shouldNotRateLimitAChannelWithoutALimiter() throws Exception {
        RateLimiter none = RateLimiter.of("rest", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        none.acquirePermission();   // the REST limiter is spent; Kafka has none
        GuardedScorer guarded = new GuardedScorer(scorer, CircuitBreaker.ofDefaults("scorer"),
                TimeLimiter.of(Duration.ofMillis(200)), Map.of(Channel.REST, Bulkhead.ofDefaults("rest"),
                Channel.KAFKA, Bulkhead.ofDefaults("kafka")), Map.of(Channel.REST, none), executor);

        assertThatThrownBy(() -> guarded.score(Channel.REST, "text", 0)).isInstanceOf(RequestNotPermitted.class);
        assertThatThrownBy(() -> guarded.score(Channel.KAFKA, "text", 0)).isInstanceOf(ScorerTimeoutException.class);
    }

    private static void bindRequest(ClientConnection client) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(ClientConnection.ATTRIBUTE, client);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private GuardedScorer guarded(Duration timeout) {
        return new GuardedScorer(scorer, CircuitBreaker.ofDefaults("scorer"), TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(timeout).cancelRunningFuture(true).build()),
                Map.of(Channel.REST, Bulkhead.ofDefaults("rest"), Channel.KAFKA, Bulkhead.ofDefaults("kafka")), Map.of(),
                executor);
    }
}
