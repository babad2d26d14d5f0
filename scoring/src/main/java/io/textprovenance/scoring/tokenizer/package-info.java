/** Tokenizers that turn text into ids with character offsets, never truncating. */
package io.textprovenance.scoring.tokenizer;
