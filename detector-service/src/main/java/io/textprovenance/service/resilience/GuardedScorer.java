package io.textprovenance.service.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.Scorer;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The scorer behind its guards: the caller's channel bulkhead, then the channel's rate limiter (REST only), then the
 * shared circuit breaker, then the time limiter. The rate permit is taken only once the call holds a bulkhead slot:
 * a call shed with 503 at a full bulkhead uses none, so past saturation the rate stays for the calls that can be
 * served (taken first, the shed calls used it up and the ones finishing a verdict got 429, leaving the scorer idle:
 * docs/reliability.md). Input reaches it validated (VerdictService.validate), so every exception it throws counts as
 * a failure of the scorer, an {@link IllegalArgumentException} included; a cancelled call does not. A call that
 * times out, whose caller is interrupted, or whose REST client closes its connection ({@link ClientConnection},
 * asked every {@link ClientConnection#CHECK_INTERVAL} while waiting) is cancelled: the scoring thread is interrupted
 * and withdraws the document's queued windows, so no model time goes to an answer nobody will read.
 */
public final class GuardedScorer {

    private final Scorer scorer;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Map<Channel, Bulkhead> bulkheads;
    private final Map<Channel, RateLimiter> rateLimiters;
    private final ExecutorService executor;

    GuardedScorer(Scorer scorer, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Map<Channel, Bulkhead> bulkheads,
                  Map<Channel, RateLimiter> rateLimiters, ExecutorService executor) {
        this.scorer = scorer;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.bulkheads = Map.copyOf(bulkheads);
        this.rateLimiters = Map.copyOf(rateLimiters);
        this.executor = executor;
    }

    /**
     * Scores {@code text}, with the hidden states of its first {@code hiddenStateTokens} tokens (0: none).
     *
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when the circuit is open
     * @throws io.github.resilience4j.bulkhead.BulkheadFullException when the channel has too many calls in flight
     * @throws io.github.resilience4j.ratelimiter.RequestNotPermitted when the channel's rate limit is reached
     * @throws java.util.concurrent.TimeoutException wrapped in {@link ScorerTimeoutException} on timeout
     */
    public ScoredText score(Channel channel, String text, int hiddenStateTokens) {
        return score(channel, scorer, text, hiddenStateTokens);
    }

    /**
     * {@link #score(Channel, String, int)} with another scorer behind the same guards: a model hosted for attribution
     * (detector.scoring.attribution-models) shares the channel's bulkhead, the circuit breaker and the time limit of
     * the model that answers.
     */
    public ScoredText score(Channel channel, Scorer scorer, String text, int hiddenStateTokens) {
        Supplier<ScoredText> call = () -> circuitBreaker.executeSupplier(() -> {
            // a FutureTask, so that cancelling it (the time limiter on timeout, or below) interrupts the scoring
            // thread, which then withdraws the document's windows from the batcher: nothing is scored after the 503
            Future<ScoredText> scoring = executor.submit(() -> scorer.score(text, hiddenStateTokens));
            // on a REST request's thread, also watched for its client going away (ClientGoneException)
            Future<ScoredText> awaited = ClientConnection.current().map(client -> client.watch(scoring)).orElse(scoring);
            try {
                return timeLimiter.executeFutureSupplier(() -> awaited);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new ScorerTimeoutException("scoring took longer than " + timeLimiter.getTimeLimiterConfig()
                        .getTimeoutDuration(), e);
            } catch (InterruptedException e) {   // our caller gave up (a failed batch, a shutdown)
                scoring.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("scoring was cancelled: its caller stopped waiting");
            } catch (CompletionException | ExecutionException e) {
                throw unwrap(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RateLimiter rateLimiter = rateLimiters.get(channel);
        return bulkheads.get(channel).executeSupplier(rateLimiter == null ? call
                : RateLimiter.decorateSupplier(rateLimiter, call));
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private static RuntimeException unwrap(Exception e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
