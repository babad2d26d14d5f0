package io.textprovenance.service.scoring;

import io.textprovenance.pawn.PawnHead;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.BatchingSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
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
    OnnxScorer scorer(ScoringProperties properties) {
        return OnnxScorer.open(new ScorerSettings(properties.modelDir(), properties.device(), properties.intraOpThreads(),
                new BatchingSettings(properties.maxBatchTokens(), properties.maxWait(), properties.maxQueuedWindows(),
                        32, properties.workers())));
    }

    @Bean
    PawnHeadHolder pawnHead(ScoringProperties properties, OnnxScorer scorer) {
        boolean present = Files.isRegularFile(properties.modelDir().resolve("pawn.onnx"));
        return new PawnHeadHolder(present
                ? Optional.of(PawnHead.open(properties.modelDir(), scorer.manifest(), properties.intraOpThreads()))
                : Optional.empty());
    }

    @Bean
    CalibrationTable calibration(ScoringProperties properties) {
        return CalibrationTable.load(properties.modelDir().resolve("calibration.json"));
    }
}
