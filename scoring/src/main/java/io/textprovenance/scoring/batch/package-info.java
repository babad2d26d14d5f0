/**
 * Dynamic batching: concurrent callers' windows are grouped into batches by a token budget and a short
 * maximum wait, bucketed by length to keep padding low, with a bounded queue for back-pressure.
 */
package io.textprovenance.scoring.batch;
