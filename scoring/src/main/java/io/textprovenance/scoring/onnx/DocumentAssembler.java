package io.textprovenance.scoring.onnx;

import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.scoring.batch.WindowResult;
import io.textprovenance.scoring.tokenizer.TokenizedText;
import io.textprovenance.scoring.window.Window;
import io.textprovenance.scoring.window.Windower;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a document back together from its windows' results: token i (input position i + 1) is taken
 * from the one window that scores it, at output index i - window.start; so is the hidden state of
 * each input position.
 */
final class DocumentAssembler {

    private final ModelManifest manifest;
    private final Windower windower;

    DocumentAssembler(ModelManifest manifest, Windower windower) {
        this.manifest = manifest;
        this.windower = windower;
    }

    List<Window> plan(int inputLength) {
        return windower.plan(inputLength);
    }

    ScoredText empty(boolean withHiddenStates) {
        Optional<float[][]> hidden = withHiddenStates ? Optional.of(new float[1][0]) : Optional.empty();
        return new ScoredText(List.of(), 0, manifest.clipNats(), manifest.vocabSize(), hidden);
    }

    /**
     * @param hiddenTokens the hidden states of the BOS position and of this many first tokens are kept (none
     *                     for 0); their windows must have computed them
     */
    ScoredText assemble(TokenizedText tokens, List<Window> windows, List<WindowResult> results, int hiddenTokens) {
        List<TokenMetrics> metrics = new ArrayList<>(tokens.size());
        float[][] hidden = hiddenTokens > 0 ? new float[hiddenTokens + 1][] : null;
        for (int w = 0; w < windows.size(); w++) {
            Window window = windows.get(w);
            WindowResult result = results.get(w);
            if (hidden != null && w == 0) {
                hidden[0] = result.hiddenStates()[0];
            }
            for (int position = window.scoredFrom(); position < window.end(); position++) {
                int token = position - 1;
                int j = position - 1 - window.start();
                metrics.add(new TokenMetrics(tokens.id(token), tokens.start(token), tokens.end(token),
                        result.logProb()[j], result.entropy()[j], result.varentropy()[j], result.maxLogProb()[j],
                        result.rankFraction()[j], result.topPMass()[j], result.clippedMean()[j],
                        result.clippedVariance()[j]));
                if (hidden != null && position <= hiddenTokens) {
                    hidden[position] = result.hiddenStates()[position - window.start()];
                }
            }
        }
        if (metrics.size() != tokens.size()) {
            throw new IllegalStateException("scored " + metrics.size() + " of " + tokens.size() + " tokens");
        }
        return new ScoredText(metrics, windows.size(), manifest.clipNats(), manifest.vocabSize(),
                Optional.ofNullable(hidden));
    }
}
