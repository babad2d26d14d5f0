package io.textprovenance.service.scoring;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.pawn.PawnCard;
import io.textprovenance.pawn.PawnHead;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.BatchingSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.verdict.CalibrationTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Owns the scorer and the PAWN head: built once at startup (failing fast with the reason on a missing or
 * altered model), closed by Spring at shutdown through their inferred {@code close()}. Only this class knows the
 * scorer is an {@link OnnxScorer} (it opens it and observes its batcher); every other bean takes the
 * {@link Scorer} and its {@link io.textprovenance.scoring.ScorerInfo}.
 */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScoringConfiguration.class);

    @Bean
    OnnxScorer scorer(ScoringProperties properties, MeterRegistry meters) {
        OnnxScorer scorer = OnnxScorer.open(settings(properties, properties.modelDir()));
        DistributionSummary batchSizes = DistributionSummary.builder("detector.batch.size")
                .description("windows per model call").publishPercentileHistogram().register(meters);
        scorer.batcher().onBatch(batchSizes::record);
        Gauge.builder("detector.scorer.queued.windows", scorer, s -> s.info().queuedWindows()).register(meters);
        return scorer;
    }

    /** The answering model and those hosted for attribution only (detector.scoring.attribution-models). */
    @Bean
    HostedModels hostedModels(ScoringProperties properties, OnnxScorer scorer) {
        List<OnnxScorer> attribution = new ArrayList<>();
        try {
            for (Path directory : properties.attributionModels()) {
                attribution.add(OnnxScorer.open(settings(properties, directory)));
            }
        } catch (RuntimeException e) {
            attribution.forEach(OnnxScorer::close);
            throw e;
        }
        return new HostedModels(scorer, attribution);
    }

    /**
     * The model directory's PAWN head, unless it was trained under another text normalization than the scorer's,
     * or records none while detector.scoring.pawn.require-normalization: then the service starts without it (a
     * WARN, the health's and /v1/models' pawn fields say why) and labels from the zero-shot scores.
     */
    @Bean
    PawnHeadHolder pawnHead(ScoringProperties properties, Scorer scorer) {
        Path directory = properties.modelDir();
        if (!Files.isRegularFile(directory.resolve("pawn.onnx"))) {
            return PawnHeadHolder.absent();
        }
        PawnCard card = PawnCard.read(directory);
        Optional<String> refusal = card.refusal(scorer.info().textNormalization(),
                properties.pawn().requireNormalization());
        if (refusal.isPresent()) {
            String reason = refusal.get() + (card.textNormalization().isEmpty()
                    ? " (detector.scoring.pawn.require-normalization=false uses it anyway)" : "");
            log.warn("PAWN head {} is not used: {}. Verdicts are labelled from the zero-shot scores.",
                    directory.resolve("pawn.onnx").toAbsolutePath(), reason);
            return PawnHeadHolder.refused(reason);
        }
        return PawnHeadHolder.of(PawnHead.open(directory, scorer.manifest(), properties.intraOpThreads()));
    }

    private static ScorerSettings settings(ScoringProperties properties, Path directory) {
        return new ScorerSettings(directory, properties.device(), properties.intraOpThreads(),
                new BatchingSettings(properties.maxBatchTokens(), properties.maxWait(), properties.maxQueuedWindows(),
                        32, properties.workers()));
    }

    @Bean
    CalibrationTable calibration(ScoringProperties properties, Scorer scorer, PawnHeadHolder pawnHead) {
        return CalibrationTable.load(properties.modelDir().resolve("calibration.json"),
                scorer.manifest().sha256().get(ModelManifest.MODEL), pawnHead.head().map(PawnHead::sha256));
    }
}
