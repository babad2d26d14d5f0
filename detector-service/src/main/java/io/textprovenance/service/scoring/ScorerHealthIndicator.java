package io.textprovenance.service.scoring;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.scoring.ScorerInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "scorer" health: the model is loaded (the bean exists only then), its queue, the PAWN head (in use, absent or
 * refused, with the reason: a refused head leaves the service UP, labelling from the zero-shot scores), and the
 * circuit breaker.
 * DOWN while the circuit is open, so a pod whose scorer keeps failing leaves the Service's endpoints.
 */
@Component("scorerHealthIndicator")
class ScorerHealthIndicator implements HealthIndicator {

    private final Scorer scorer;
    private final PawnHeadHolder pawn;
    private final CircuitBreaker circuitBreaker;

    ScorerHealthIndicator(Scorer scorer, PawnHeadHolder pawn, CircuitBreakerRegistry circuitBreakers) {
        this.scorer = scorer;
        this.pawn = pawn;
        this.circuitBreaker = circuitBreakers.circuitBreaker("scorer");
    }

    @Override
    public Health health() {
        CircuitBreaker.State state = circuitBreaker.getState();
        Health.Builder health = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? Health.down() : Health.up();
        ScorerInfo info = scorer.info();
        return health.withDetail("model", info.manifest().name() + " " + info.manifest().version())
                .withDetail("sha256", info.manifest().shortSha())
                .withDetail("device", info.device())
                .withDetail("textNormalization", info.textNormalization())
                .withDetail("queuedWindows", info.queuedWindows())
                .withDetail("pawn", pawn.state())
                .withDetail("circuitBreaker", state.name())
                .build();
    }
}
