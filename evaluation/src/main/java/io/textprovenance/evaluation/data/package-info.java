/**
 * Readers for the shared detection data formats (pair JSON and JSONL), with seeded subsets, and the seeded split
 * of a data set by human document ({@link io.textprovenance.evaluation.data.DocumentSplit}).
 */
package io.textprovenance.evaluation.data;
