package io.textprovenance.evaluation.report;

import io.textprovenance.pawn.PawnCard;
import io.textprovenance.pawn.PawnHead;
import io.textprovenance.scoring.ScorerInfo;
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

    /**
     * The head in {@code directory}, or null when the model directory has no pawn.onnx; refused, as the service
     * refuses it, when pawn.json records another text normalization than the scorer's, or none while
     * {@code requireNormalization} ({@link PawnCard#refusal}).
     *
     * @throws IllegalStateException naming the head and the reason when it is refused
     */
    static PawnDetector openIfPresent(Path directory, ScorerInfo scorer, boolean requireNormalization) {
        if (!Files.isRegularFile(directory.resolve("pawn.onnx"))) {
            return null;
        }
        PawnCard card = PawnCard.read(directory);
        card.refusal(scorer.textNormalization(), requireNormalization).ifPresent(reason -> {
            throw new IllegalStateException(directory.resolve("pawn.onnx") + " is refused: " + reason
                    + (card.textNormalization().isEmpty() ? "; --pawn-require-normalization false evaluates it anyway"
                    : ""));
        });
        return new PawnDetector(PawnHead.open(directory, scorer.manifest(), 0));
    }

    /**
     * Refuses a run that splits the data with another seed than the head trained on (when pawn.json records it):
     * its calibration and test splits would hold documents the head learned from.
     */
    void requireSplitSeed(long seed) {
        head.card().split().filter(split -> split.seed() != seed).ifPresent(split -> {
            throw new IllegalArgumentException("PAWN trained on the split of seed " + split.seed() + " (pawn.json);"
                    + " with --seed " + seed + " this run's calibration and test splits would hold documents it"
                    + " learned from: run with --seed " + split.seed() + ", or apply shipped thresholds (--thresholds)");
        });
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
