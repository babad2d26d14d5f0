package io.textprovenance.evaluation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Changes of layout that leave a text's words as they were, as a user's paste or editor makes them: the
 * robustness section of the report scores each test text again after each, and counts label changes.
 * Every {@link #apply} is a pure, deterministic function of the text.
 */
public enum Perturbation {

    /**
     * Every run of line breaks ({@code \n}, {@code \r\n} or {@code \r}, with the spaces and tabs around it)
     * becomes one space; a run at the start or end of the text is removed.
     */
    ONE_LINE("one-line") {
        @Override
        public String apply(String text) {
            return LINE_BREAKS.matcher(LEADING_OR_TRAILING_BREAKS.matcher(text).replaceAll("")).replaceAll(" ");
        }
    },

    /**
     * The text on one line ({@link #ONE_LINE}), then cut into sentences (after . ! or ?, optionally closed
     * by a quote or bracket, before a capital or digit, optionally opened by a quote or bracket) and the
     * sentences grouped into paragraphs of {@value #SENTENCES_PER_PARAGRAPH}, separated by a blank line.
     */
    PARAGRAPHS("paragraphs") {
        @Override
        public String apply(String text) {
            String[] sentences = SENTENCE_BREAK.split(ONE_LINE.apply(text));
            List<String> paragraphs = new ArrayList<>();
            for (int from = 0; from < sentences.length; from += SENTENCES_PER_PARAGRAPH) {
                paragraphs.add(String.join(" ", Arrays.asList(sentences)
                        .subList(from, Math.min(sentences.length, from + SENTENCES_PER_PARAGRAPH))));
            }
            return String.join("\n\n", paragraphs);
        }
    },

    /** Windows line endings: every {@code \n} not already preceded by {@code \r} becomes {@code \r\n}. */
    CRLF("crlf") {
        @Override
        public String apply(String text) {
            return BARE_LINE_FEED.matcher(text).replaceAll("\r\n");
        }
    },

    /**
     * Typographic quotes: a straight {@code "} or {@code '} opens (“ ‘) at the start of the text, after
     * whitespace, an opening bracket or an opening quote, and closes (” ’) anywhere else, so an apostrophe
     * inside a word becomes ’.
     */
    CURLY_QUOTES("curly-quotes") {
        @Override
        public String apply(String text) {
            StringBuilder curly = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                // the character before as already curled: a quote right after an opening quote opens too
                boolean opening = i == 0 || OPENS_QUOTE.indexOf(curly.charAt(i - 1)) >= 0
                        || Character.isWhitespace(curly.charAt(i - 1));
                curly.append(c == '"' ? (opening ? '“' : '”') : c == '\'' ? (opening ? '‘' : '’') : c);
            }
            return curly.toString();
        }
    },

    /** A {@code \n} appended, unless the text already ends with one. */
    TRAILING_NEWLINE("trailing-newline") {
        @Override
        public String apply(String text) {
            return text.endsWith("\n") ? text : text + "\n";
        }
    };

    /** Sentences per paragraph of {@link #PARAGRAPHS}. */
    static final int SENTENCES_PER_PARAGRAPH = 3;

    private static final String BREAK = "(?:\\r\\n|\\r|\\n)";
    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t]*" + BREAK + "(?:[ \\t]*" + BREAK + ")*[ \\t]*");
    private static final Pattern LEADING_OR_TRAILING_BREAKS = Pattern.compile("^" + LINE_BREAKS + "|" + LINE_BREAKS + "$");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?][\"'”’)\\]]?)\\s+(?=[\"'“‘(\\[]?[\\p{Lu}\\d])");
    private static final Pattern BARE_LINE_FEED = Pattern.compile("(?<!\\r)\\n");
    private static final String OPENS_QUOTE = "([{“‘";

    private final String id;

    Perturbation(String id) {
        this.id = id;
    }

    /** The text with this change of layout. */
    public abstract String apply(String text);

    /** The name on the command line and in the report, e.g. "one-line". */
    public String id() {
        return id;
    }

    /** "one-line,crlf" to those perturbations in that order; empty for an empty list. */
    static List<Perturbation> parse(String ids) {
        List<Perturbation> perturbations = new ArrayList<>();
        for (String id : ids.split(",")) {
            String name = id.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            perturbations.add(Arrays.stream(values()).filter(p -> p.id.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown perturbation '" + id + "'; known: " + all())));
        }
        return List.copyOf(perturbations);
    }

    /** Every perturbation's name, comma-separated: the default of --perturbations. */
    static String all() {
        return Arrays.stream(values()).map(Perturbation::id).collect(Collectors.joining(","));
    }
}
