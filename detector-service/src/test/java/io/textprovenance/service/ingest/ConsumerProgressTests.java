package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/** A listener that keeps failing or hangs on a batch is stalled; an idle or progressing one never is. */
class ConsumerProgressTests {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ConsumerProgress progress = new ConsumerProgress(clock, Duration.ofSeconds(120));
    private final IngestProperties properties = new IngestProperties(true, "documents", "verdicts", "documents.DLT", 1, 3,
            DataSize.ofMegabytes(1), Duration.ofSeconds(120));

    @Test
    void shouldBeStalledWhenBatchesKeepFailingAndRecoverWhenOneCompletes() {
        ConsumerHealthIndicator health = new ConsumerHealthIndicator(progress, properties);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ConsumerProgressConfiguration().consumerProgress(properties, meters);   // registers its gauges
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);   // idle

        for (int retry = 0; retry < 10; retry++) {   // e.g. a publish failing again and again: failing since 15 s in
            progress.batchStarted();
            clock.now = clock.now.plusSeconds(15);
            progress.batchFailed();
        }
        assertThat(progress.stalled()).isTrue();
        assertThat(progress.withoutProgress()).hasValue(Duration.ofSeconds(135));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("secondsWithoutProgress", 135L)
                .containsEntry("failedBatches", 10L);

        progress.batchStarted();
        progress.batchCompleted();
        assertThat(progress.stalled()).isFalse();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("detector.kafka.consumer.stalled").gauge().value()).isZero();
    }

    @Test
    void shouldBeStalledWhenOneBatchHangsAndReportItAsAGauge() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConsumerProgress gauged = new ConsumerProgressConfiguration().consumerProgress(properties, meters);
        assertThat(meters.get("detector.kafka.consumer.stalled").gauge().value()).isZero();

        ConsumerProgress manual = new ConsumerProgress(clock, Duration.ofSeconds(120));
        manual.batchStarted();
        clock.now = clock.now.plusSeconds(119);
        assertThat(manual.stalled()).isFalse();
        clock.now = clock.now.plusSeconds(2);
        assertThat(manual.stalled()).isTrue();
        assertThat(gauged.stalled()).isFalse();
        assertThat(meters.get("detector.kafka.consumer.seconds.without.progress").gauge().value()).isZero();
    }
}
