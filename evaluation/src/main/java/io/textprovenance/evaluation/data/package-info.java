/** Readers for the shared detection data formats (pair JSON and JSONL), with seeded subsets. */
package io.textprovenance.evaluation.data;
