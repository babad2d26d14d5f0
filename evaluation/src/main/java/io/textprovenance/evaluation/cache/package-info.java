/** The feature cache PAWN trains from: the service's own scorer run over a labeled data set. */
package io.textprovenance.evaluation.cache;
