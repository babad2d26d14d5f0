package io.textprovenance.reliability;

/** The kinds of document the fault suite produces: valid ones of three lengths and every kind of hostile record. */
enum Kind {
    SHORT(Expect.VERDICT, false), MEDIUM(Expect.VERDICT, false), LONG(Expect.VERDICT, false),
    WHITESPACE_ONLY(Expect.UNCERTAIN, true), EMOJI_ONLY(Expect.UNCERTAIN, true),
    EXPLAIN_15K_TOKENS(Expect.EITHER, true), EXPLAIN_AT_BUDGET(Expect.EITHER, true),
    INVALID_JSON(Expect.DEAD_LETTER, true), NOT_UTF8(Expect.DEAD_LETTER, true),
    NOT_AN_OBJECT(Expect.DEAD_LETTER, true), TOMBSTONE(Expect.DEAD_LETTER, true),
    MISSING_TEXT(Expect.DEAD_LETTER, true), TEXT_NUMBER(Expect.DEAD_LETTER, true),
    TEXT_EMPTY(Expect.DEAD_LETTER, true), EXPLAIN_STRING(Expect.DEAD_LETTER, true),
    OVERSIZED_ID(Expect.DEAD_LETTER, true), GZIP_OVER_1MB(Expect.DEAD_LETTER, true);

    final Expect expect;
    final boolean hostile;

    Kind(Expect expect, boolean hostile) {
        this.expect = expect;
        this.hostile = hostile;
    }

    boolean heavy() {
        return this == EXPLAIN_15K_TOKENS || this == EXPLAIN_AT_BUDGET || this == GZIP_OVER_1MB;
    }
}
