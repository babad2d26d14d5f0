package io.textprovenance.reliability;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces the suite's documents to the documents topic: idempotent, acks=all, and the gzip-compressed poison
 * record through a producer of its own (its uncompressed size is over the plain producer's request limit).
 */
final class DocumentProducer implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaProducer<String, byte[]> gzipProducer;

    DocumentProducer(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = producer(bootstrap, false);
        try {
            this.gzipProducer = producer(bootstrap, true);
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /**
     * Sends the segment and flushes: each document then has its partition, offset and producedAt, or its
     * sendError.
     */
    void send(List<Doc> segment) {
        for (Doc doc : segment) {
            KafkaProducer<String, byte[]> target = doc.kind == Kind.GZIP_OVER_1MB ? gzipProducer : producer;
            target.send(new ProducerRecord<>(topic, doc.key, doc.value), (metadata, error) -> {
                if (error != null) {
                    doc.sendError = error.toString();
                } else {
                    doc.partition = metadata.partition();
                    doc.offset = metadata.offset();
                    doc.producedAt = System.nanoTime();
                }
            });
        }
        producer.flush();
        gzipProducer.flush();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap, boolean gzip) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, gzip ? "reliability-gzip-poison" : "reliability-producer");
        if (gzip) {
            // the uncompressed record is > 1 MB: the producer checks max.request.size before compressing
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 << 20));
        }
        return new KafkaProducer<>(config);
    }

    @Override
    public void close() {
        gzipProducer.close();
        producer.close();
    }
}
