package io.textprovenance.evaluation.data;

import java.util.Objects;

/**
 * One text of a detection data set.
 *
 * @param text      the text as published
 * @param machine   true for machine-generated text, false for human-written
 * @param generator the generating model ("human" for human texts), from the file or its name
 * @param domain    the domain, from the file or its name
 * @param source    the file it came from, relative to the data directory
 * @param pair      index of the human document it pairs with (same index for both labels), or -1
 */
public record LabeledText(String text, boolean machine, String generator, String domain, String source, int pair) {

    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(source, "source");
    }
}
