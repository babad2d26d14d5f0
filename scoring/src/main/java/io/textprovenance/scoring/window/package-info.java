/** Splitting a long document into overlapping model windows, each token scored exactly once. */
package io.textprovenance.scoring.window;
