package io.textprovenance.verdict;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the policy reads about one text: whether it holds language, its length, and its detection scores.
 *
 * @param hasLettersOrDigits whether the text has a letter or digit of any script ({@link TextContent})
 * @param tokens             tokens scored
 * @param scores             the scores by name; {@link DetectorName#PAWN} present exactly when the model has a head
 * @param pawnTokens         the tokens the PAWN head read (its first tokens, at most its own limit); 0 without a head
 */
public record TextScores(boolean hasLettersOrDigits, int tokens, Map<DetectorName, Double> scores, int pawnTokens) {

    public TextScores {
        if (tokens < 0 || pawnTokens < 0 || pawnTokens > tokens) {
            throw new IllegalArgumentException("need 0 <= pawnTokens <= tokens, got " + pawnTokens + " and " + tokens);
        }
        Objects.requireNonNull(scores, "scores");
        scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /** The scores of a text; see {@link TextContent#hasLettersOrDigits}. */
    public static TextScores of(String text, int tokens, Map<DetectorName, Double> scores, int pawnTokens) {
        return new TextScores(TextContent.hasLettersOrDigits(text), tokens, scores, pawnTokens);
    }

    /** Whether the model that scored the text has a PAWN head. */
    public boolean hasPawn() {
        return scores.containsKey(DetectorName.PAWN);
    }

    /** The score the policy labels by: PAWN's when the model has a head, else the Fast-DetectGPT criterion. */
    public DetectorName policyScore() {
        return hasPawn() ? DetectorName.PAWN : DetectorName.CRITERION;
    }

    /** The tokens behind a score: those PAWN read for PAWN, all scored tokens for the others. */
    public int tokensOf(DetectorName name) {
        return name == DetectorName.PAWN ? pawnTokens : tokens;
    }
}
