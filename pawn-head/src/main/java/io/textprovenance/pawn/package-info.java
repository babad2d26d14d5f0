/**
 * The PAWN head (Miralles-Gonzalez et al., arXiv 2501.03940): per-token metrics weighted by a gate
 * computed from the language model's hidden states, giving P(machine) and the weight of every token.
 * Trained by training/train_pawn.py on features the project's own scorer computed.
 */
package io.textprovenance.pawn;
