package io.textprovenance.verdict;

import java.util.Objects;

/**
 * The policy's answer for one text.
 *
 * @param label  the label
 * @param policy the rule that produced it: "no-content", "too-short", "pawn" or "zero-shot"
 * @param reason the rule's numbers in one sentence
 */
public record Decision(Label label, String policy, String reason) {

    public Decision {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reason, "reason");
    }
}
