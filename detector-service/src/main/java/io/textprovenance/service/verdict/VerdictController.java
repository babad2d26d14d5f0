package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.Operation;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.service.resilience.Channel;
import io.textprovenance.verdict.CalibrationTable;
import io.textprovenance.service.scoring.HostedModels;
import io.textprovenance.service.scoring.PawnHeadHolder;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
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

    /** The OpenAPI document's tags (OpenApiDocumentTests' ApiDocumentation describes them). */
    static final String VERDICTS = "verdicts";
    static final String MODELS = "models";

    private final VerdictService verdicts;
    private final BatchJudge batchJudge;
    private final VerdictProperties properties;
    private final ModelManifest manifest;
    private final String device;
    private final boolean pawn;
    private final String pawnRefusal;
    private final boolean calibrated;
    private final HostedModels hosted;

    VerdictController(VerdictService verdicts, VerdictProperties properties,
                      Scorer scorer, PawnHeadHolder pawn, CalibrationTable calibration,
                      ExecutorService scoringCallExecutor, HostedModels hosted) {
        this.verdicts = verdicts;
        this.hosted = hosted;
        this.batchJudge = new BatchJudge(verdicts, scoringCallExecutor);
        this.properties = properties;
        this.manifest = scorer.manifest();
        this.device = scorer.info().device();
        this.pawn = pawn.head().isPresent();
        this.pawnRefusal = pawn.refusal().orElse(null);
        this.calibrated = !calibration.isEmpty();
    }

    @Operation(summary = "Judge one document", tags = VERDICTS, description = "Scores every token"
            + " of the text with the model, runs the zero-shot scores, the PAWN classifier (when the model has one) and"
            + " the provenance test, and labels the text machine, human or uncertain by the policy of"
            + " docs/verdict.md. A text needs at least detector.verdict.min-tokens (32) tokens for a label; shorter"
            + " ones are answered uncertain/too-short without probability or p-values. With explain: true the answer"
            + " also holds every token's evidence and the anytime-valid test along the text.")
    @PostMapping(path = "/verdicts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Verdict verdict(@Valid @RequestBody VerdictRequest request) {
        return verdicts.judge(Channel.REST, request.id(), request.text(), request.wantsExplanation(), request.models());
    }

    @Operation(summary = "Judge up to detector.verdict.max-batch documents", tags = VERDICTS,
            description = "Each document as in POST /v1/verdicts; the answers come in request order. The documents'"
                    + " tokens together must fit detector.verdict.max-tokens.")
    @PostMapping(path = "/verdicts/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Verdict> batch(@Valid @RequestBody BatchRequest request) {
        if (request.documents().size() > properties.maxBatch()) {
            throw DocumentRejectedException.invalid("a batch holds at most " + properties.maxBatch() + " documents, got "
                    + request.documents().size());
        }
        verdicts.validateBatch(request.documents().stream().map(VerdictRequest::text).toList());
        request.documents().forEach(document -> verdicts.validateModels(document.text(), document.models()));
        return batchJudge.judgeAll(request.documents());
    }

    @Operation(summary = "The models in service", tags = MODELS,
            description = "First the model that answers every verdict (role verdict), and whether it has a PAWN head"
                    + " and a calibration; then any model hosted for attribution only (role attribution,"
                    + " detector.scoring.attribution-models), whose names a request may give in models.")
    @GetMapping("/models")
    List<ModelDescription> models() {
        List<ModelDescription> models = new java.util.ArrayList<>();
        models.add(new ModelDescription(manifest.name(), manifest.version(), manifest.sha256().get(ModelManifest.MODEL),
                manifest.format().name().toLowerCase(Locale.ROOT), manifest.contextLength(),
                manifest.vocabSize(), device, pawn, calibrated, ModelDescription.VERDICT, pawnRefusal));
        for (HostedModels.HostedModel model : hosted.all()) {
            if (!model.served()) {
                ModelManifest other = model.manifest();
                models.add(new ModelDescription(other.name(), other.version(), other.sha256().get(ModelManifest.MODEL),
                        other.format().name().toLowerCase(Locale.ROOT), other.contextLength(), other.vocabSize(),
                        model.device(), false, false, ModelDescription.ATTRIBUTION));
            }
        }
        return models;
    }
}
