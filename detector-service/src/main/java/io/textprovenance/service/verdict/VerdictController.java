package io.textprovenance.service.verdict;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.service.resilience.Channel;
import io.textprovenance.service.scoring.CalibrationTable;
import io.textprovenance.service.scoring.PawnHeadHolder;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: one document, a batch, and the model in service. Errors are mapped by ProblemAdvice. */
@RestController
@RequestMapping(path = "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class VerdictController {

    private final VerdictService verdicts;
    private final BatchJudge batchJudge;
    private final RateLimiter rateLimiter;
    private final VerdictProperties properties;
    private final ModelManifest manifest;
    private final String device;
    private final boolean pawn;
    private final boolean calibrated;

    VerdictController(VerdictService verdicts, RateLimiter restRateLimiter, VerdictProperties properties,
                      OnnxScorer scorer, PawnHeadHolder pawn, CalibrationTable calibration,
                      ExecutorService scoringCallExecutor) {
        this.verdicts = verdicts;
        this.batchJudge = new BatchJudge(verdicts, scoringCallExecutor);
        this.rateLimiter = restRateLimiter;
        this.properties = properties;
        this.manifest = scorer.manifest();
        this.device = scorer.device();
        this.pawn = pawn.head().isPresent();
        this.calibrated = !calibration.isEmpty();
    }

    @Operation(summary = "Judge one document")
    @PostMapping(path = "/verdicts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Verdict verdict(@Valid @RequestBody VerdictRequest request) {
        return RateLimiter.decorateSupplier(rateLimiter,
                () -> verdicts.judge(Channel.REST, request.id(), request.text(), request.wantsExplanation())).get();
    }

    @Operation(summary = "Judge up to detector.verdict.max-batch documents")
    @PostMapping(path = "/verdicts/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Verdict> batch(@Valid @RequestBody BatchRequest request) {
        if (request.documents().size() > properties.maxBatch()) {
            throw new IllegalArgumentException("a batch holds at most " + properties.maxBatch() + " documents, got "
                    + request.documents().size());
        }
        verdicts.validateBatch(request.documents().stream().map(VerdictRequest::text).toList());
        return RateLimiter.decorateSupplier(rateLimiter, () -> batchJudge.judgeAll(request.documents())).get();
    }

    @Operation(summary = "The model in service")
    @GetMapping("/models")
    List<Map<String, Object>> models() {
        return List.of(Map.of("name", manifest.name(), "version", manifest.version(),
                "sha256", manifest.sha256().get(ModelManifest.MODEL), "format", manifest.format().name().toLowerCase(),
                "contextLength", manifest.contextLength(), "vocabSize", manifest.vocabSize(), "device", device,
                "pawn", pawn, "calibrated", calibrated));
    }
}
