/** The Kafka pipeline: documents in, verdicts out, invalid records to the dead-letter topic, at least once. */
package io.textprovenance.service.ingest;
