package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One token's evidence: its text and offsets, log-probability, entropy, rank and PAWN weight (if any).
 *
 * @param rank 1 + the number of vocabulary entries the model found more likely than this token
 */
@Schema(description = "One token's evidence.")
public record TokenEvidence(
        @Schema(description = "The token's text: text.substring(start, end)") String text,
        @Schema(description = "UTF-16 offset of its first character in the request's text (a JavaScript"
                + " string index)") int start,
        @Schema(description = "UTF-16 offset one past its last character") int end,
        @Schema(description = "ln p(token | text before it), nats (<= 0); surprisal = -logProb") double logProb,
        @Schema(description = "Entropy of the model's next-token distribution at this position, nats: the"
                + " surprisal expected there") double entropy,
        @Schema(description = "The token's rank among the model's predictions (1 = the most likely token);"
                + " GLTR's buckets are top-10, top-100, top-1000 and the rest", minimum = "1") int rank,
        @Schema(types = {"number", "null"}, description = "PAWN's weight for this token (the weights of the"
                + " tokens PAWN read sum to 1); null beyond the 512 tokens PAWN reads or without PAWN.")
        Double pawnWeight) {
}
