package io.textprovenance.service.scoring;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.pawn.PawnHead;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.BatchingSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.verdict.CalibrationTable;
import java.nio.file.Files;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Owns the scorer and the PAWN head: built once at startup (failing fast with the reason on a missing or
 * altered model), closed by Spring at shutdown through their inferred {@code close()}.
 */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    @Bean
    OnnxScorer scorer(ScoringProperties properties, MeterRegistry meters) {
        OnnxScorer scorer = OnnxScorer.open(new ScorerSettings(properties.modelDir(), properties.device(),
                properties.intraOpThreads(), new BatchingSettings(properties.maxBatchTokens(), properties.maxWait(),
                        properties.maxQueuedWindows(), 32, properties.workers())));
        DistributionSummary batchSizes = DistributionSummary.builder("detector.batch.size")
                .description("windows per model call").publishPercentileHistogram().register(meters);
        scorer.batcher().onBatch(batchSizes::record);
        Gauge.builder("detector.scorer.queued.windows", scorer.batcher(), b -> b.queuedWindows()).register(meters);
        return scorer;
    }

    @Bean
    PawnHeadHolder pawnHead(ScoringProperties properties, OnnxScorer scorer) {
        boolean present = Files.isRegularFile(properties.modelDir().resolve("pawn.onnx"));
        return new PawnHeadHolder(present
                ? Optional.of(PawnHead.open(properties.modelDir(), scorer.manifest(), properties.intraOpThreads()))
                : Optional.empty());
    }

    @Bean
    CalibrationTable calibration(ScoringProperties properties, OnnxScorer scorer, PawnHeadHolder pawnHead) {
        return CalibrationTable.load(properties.modelDir().resolve("calibration.json"),
                scorer.manifest().sha256().get(ModelManifest.MODEL), pawnHead.head().map(PawnHead::sha256));
    }
}
