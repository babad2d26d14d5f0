package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which tokens the label rests on: PAWN reads the first 512 tokens of a longer text; the zero-shot criterion
 * and the length rules read all of them.
 *
 * @param tokens      how many tokens, counted from the first
 * @param wholeText   whether those are all the tokens scored
 * @param start       UTF-16 offset in the text where the first of them starts
 * @param end         UTF-16 offset one past the last of them
 * @param description the same in words
 */
@Schema(description = "Which part of the text the label rests on: the first `tokens` tokens, characters"
        + " [start, end). PAWN reads at most the first 512 tokens; the zero-shot criterion reads all.")
public record LabelBasis(
        @Schema(description = "How many tokens, counted from the first") int tokens,
        @Schema(description = "Whether those are all the tokens scored") boolean wholeText,
        @Schema(description = "UTF-16 offset where the first of them starts") int start,
        @Schema(description = "UTF-16 offset one past the last of them") int end,
        @Schema(description = "The same in words") String description) {
}
