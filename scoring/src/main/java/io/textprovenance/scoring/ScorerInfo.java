package io.textprovenance.scoring;

/**
 * What a scorer runs and how busy it is, as of the call that returned it: for health checks, model listings and
 * metrics, without depending on an implementation.
 *
 * @param manifest          the model (model.json, checked at load)
 * @param device            where it runs, resolved: "cpu" or "cuda", never "auto"
 * @param textNormalization the version of the text normalization applied before the model's tokenizer (see
 *                          {@link io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer#VERSION}); a
 *                          head trained on this scorer's features must record the same
 * @param queuedWindows     windows waiting for a model call now
 * @param batches           model calls made so far
 * @param windowsRun        windows scored so far
 */
public record ScorerInfo(ModelManifest manifest, String device, String textNormalization, int queuedWindows,
                         long batches, long windowsRun) {

    public ScorerInfo {
        if (manifest == null || device == null || textNormalization == null) {
            throw new IllegalArgumentException("manifest, device and textNormalization are required");
        }
    }
}
