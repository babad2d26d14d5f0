package io.textprovenance.reliability;

/** What the service must answer to a document: a verdict, an uncertain verdict, a dead letter, or either. */
enum Expect { VERDICT, UNCERTAIN, DEAD_LETTER, EITHER }
