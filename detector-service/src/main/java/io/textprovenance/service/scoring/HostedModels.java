package io.textprovenance.service.scoring;

import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.Scorer;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models this service hosts: the one that answers every verdict ({@code detector.scoring.model-dir}) first, then
 * those hosted only for attribution ({@code detector.scoring.attribution-models}), each with its own scorer and
 * tokenizer. Names (model.json) are unique. Owns and closes the attribution models' scorers; the answering model's
 * scorer is a bean of its own.
 */
public final class HostedModels implements AutoCloseable {

    private final Map<String, HostedModel> models = new LinkedHashMap<>();
    private final List<OnnxScorer> owned;

    /**
     * @param served      the model that answers verdicts
     * @param attribution scorers of the models hosted for attribution only (closed with this object)
     * @throws IllegalStateException when two models share a name (a request names models by name)
     */
    public HostedModels(OnnxScorer served, List<OnnxScorer> attribution) {
        this.owned = List.copyOf(attribution);
        add(new HostedModel(served.manifest(), served, served.device(), true));
        for (OnnxScorer scorer : attribution) {
            add(new HostedModel(scorer.manifest(), scorer, scorer.device(), false));
        }
    }

    private void add(HostedModel model) {
        HostedModel previous = models.putIfAbsent(model.name(), model);
        if (previous != null) {
            owned.forEach(OnnxScorer::close);
            throw new IllegalStateException("two hosted models are named '" + model.name() + "' (" + previous
                    .manifest().directory() + " and " + model.manifest().directory() + "): requests name models by"
                    + " their model.json name, so detector.scoring.attribution-models must not repeat one");
        }
    }

    /** Every hosted model, the answering one first. */
    public List<HostedModel> all() {
        return List.copyOf(models.values());
    }

    /** The model that answers every verdict. */
    public HostedModel served() {
        return models.values().iterator().next();
    }

    /** Whether more than the answering model is hosted: verdicts then carry an attribution by default. */
    public boolean attribution() {
        return models.size() > 1;
    }

    public Optional<HostedModel> byName(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The hosted models' names, in order. */
    public List<String> names() {
        return new ArrayList<>(models.keySet());
    }

    @Override
    public void close() {
        owned.forEach(OnnxScorer::close);
    }

    /**
     * One hosted model.
     *
     * @param served whether it answers verdicts (else it is hosted for attribution only)
     */
    public record HostedModel(ModelManifest manifest, Scorer scorer, String device, boolean served) {

        public String name() {
            return manifest.name();
        }
    }
}
