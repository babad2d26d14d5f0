package io.textprovenance.service.scoring;

import io.textprovenance.pawn.PawnHead;
import java.util.Optional;

/**
 * The PAWN head when the model directory has one the service uses; owns and closes it. A head present but refused
 * (trained under another text normalization than the scorer's, or recording none: {@code PawnCard#refusal}) is
 * not opened: verdicts are then labelled from the zero-shot scores, and {@link #refusal} says why.
 *
 * @param head    the head in use
 * @param refusal why the directory's pawn.onnx is not used; empty when it is, or when there is none
 */
public record PawnHeadHolder(Optional<PawnHead> head, Optional<String> refusal) implements AutoCloseable {

    static PawnHeadHolder of(PawnHead head) {
        return new PawnHeadHolder(Optional.of(head), Optional.empty());
    }

    static PawnHeadHolder absent() {
        return new PawnHeadHolder(Optional.empty(), Optional.empty());
    }

    static PawnHeadHolder refused(String reason) {
        return new PawnHeadHolder(Optional.empty(), Optional.of(reason));
    }

    /** "in use", "absent" or "refused: REASON", for health details. */
    public String state() {
        return head.isPresent() ? "in use" : refusal.map(reason -> "refused: " + reason).orElse("absent");
    }

    @Override
    public void close() {
        head.ifPresent(PawnHead::close);
    }
}
