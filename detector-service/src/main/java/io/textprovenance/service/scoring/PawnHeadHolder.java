package io.textprovenance.service.scoring;

import io.textprovenance.pawn.PawnHead;
import java.util.Optional;

/** The PAWN head when the model directory has one; owns and closes it. */
public record PawnHeadHolder(Optional<PawnHead> head) implements AutoCloseable {

    @Override
    public void close() {
        head.ifPresent(PawnHead::close);
    }
}
