package io.textprovenance.evaluation.report;

import io.textprovenance.pawn.PawnHead;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.verdict.DetectorName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The PAWN head as a detector: P(machine), counted on the test split only (it was trained on "train"). */
final class PawnDetector implements Detector, AutoCloseable {

    static final String NAME = DetectorName.PAWN.id();
    private final PawnHead head;

    private PawnDetector(PawnHead head) {
        this.head = head;
    }

    /** The head in {@code directory}, or null when the model directory has no pawn.onnx. */
    static PawnDetector openIfPresent(Path directory, ModelManifest backbone) {
        if (!Files.isRegularFile(directory.resolve("pawn.onnx"))) {
            return null;
        }
        return new PawnDetector(PawnHead.open(directory, backbone, 0));
    }

    /** The sha256 of the head's pawn.onnx: calibration.json pins it. */
    String sha256() {
        return head.sha256();
    }

    @Override
    public boolean needsHiddenStates() {
        return true;
    }

    @Override
    public boolean trained() {
        return true;
    }

    @Override
    public Map<String, Double> scores(ScoredText scored) {
        return scored.tokensScored() == 0 ? Map.of() : Map.of(NAME, head.score(scored).probability());
    }

    @Override
    public void close() {
        head.close();
    }
}
