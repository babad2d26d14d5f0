package io.textprovenance.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the verdicts and dead-letter topics from the beginning (no consumer group, nothing committed) and
 * remembers every record with its arrival time: verdicts by key (the document id), dead letters by the
 * original partition and offset their headers name.
 */
final class Observer implements Runnable, AutoCloseable {

    static final String REASON = "detector-dlt-reason";
    static final String ORIGINAL_TOPIC = "detector-dlt-original-topic";
    static final String ORIGINAL_PARTITION = "detector-dlt-original-partition";
    static final String ORIGINAL_OFFSET = "detector-dlt-original-offset";

    /** Every verdict record of one key. */
    static final class Seen {
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        volatile String label;
        volatile String reason;
        volatile int bytes;
        volatile int evidence = -1;
    }

    /** Every dead letter naming one original record. */
    static final class Letter {
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        volatile String reason;
        volatile String originalTopic;
        volatile String key;
        volatile int bytes;
    }

    private final String verdictsTopic;
    private final String deadLetterTopic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ObjectMapper json = new ObjectMapper();
    final Map<String, Seen> verdicts = new ConcurrentHashMap<>();
    final Map<String, Letter> letters = new ConcurrentHashMap<>();
    /** Dead letters without the origin headers. */
    final List<String> unattributed = new CopyOnWriteArrayList<>();
    final AtomicLong verdictRecords = new AtomicLong();
    final AtomicLong letterRecords = new AtomicLong();
    final AtomicLong lastArrival = new AtomicLong(System.nanoTime());
    private volatile boolean running = true;
    private volatile Throwable failure;

    Observer(String bootstrap, String verdictsTopic, String deadLetterTopic) {
        this.verdictsTopic = verdictsTopic;
        this.deadLetterTopic = deadLetterTopic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 << 20));
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 << 20));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reliability-observer");
        this.consumer = new KafkaConsumer<>(config);
    }

    /** Assigns every partition of both topics, waiting up to {@code timeout} for them to exist. */
    void assign(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = new ArrayList<>();
        while (true) {
            partitions.clear();
            boolean complete = true;
            for (String topic : List.of(verdictsTopic, deadLetterTopic)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    complete = false;
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (complete) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + verdictsTopic + " and " + deadLetterTopic
                        + " do not both exist after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    lastArrival.set(now);
                    if (record.topic().equals(verdictsTopic)) {
                        verdict(record, now);
                    } else {
                        letter(record, now);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
            e.printStackTrace();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void verdict(ConsumerRecord<String, byte[]> record, long now) {
        verdictRecords.incrementAndGet();
        String key = record.key() == null ? "<null key>" : record.key();
        Seen seen = verdicts.computeIfAbsent(key, k -> new Seen());
        if (seen.arrivals.isEmpty() && record.value() != null) {
            seen.bytes = record.value().length;
            try {
                JsonNode verdict = json.readTree(record.value());
                seen.label = verdict.path("label").asString(null);
                seen.reason = verdict.path("reason").asString(null);
                JsonNode evidence = verdict.path("evidence");
                seen.evidence = evidence.isArray() ? evidence.size() : -1;
            } catch (RuntimeException e) {
                seen.label = "<not JSON>";
            }
        }
        seen.arrivals.add(now);
    }

    private void letter(ConsumerRecord<String, byte[]> record, long now) {
        letterRecords.incrementAndGet();
        String partition = header(record, ORIGINAL_PARTITION);
        String offset = header(record, ORIGINAL_OFFSET);
        if (partition == null || offset == null) {
            unattributed.add(record.partition() + "@" + record.offset() + " key=" + abbreviate(record.key()));
            return;
        }
        Letter letter = letters.computeIfAbsent(partition + ":" + offset, k -> new Letter());
        if (letter.arrivals.isEmpty()) {
            letter.reason = header(record, REASON);
            letter.originalTopic = header(record, ORIGINAL_TOPIC);
            letter.key = record.key();
            letter.bytes = record.value() == null ? 0 : record.value().length;
        }
        letter.arrivals.add(now);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...(" + text.length() + " chars)";
    }

    /** When the document was first answered (verdict or dead letter), or -1. */
    long answeredAt(Doc doc) {
        long first = Long.MAX_VALUE;
        Observer.Seen seen = verdicts.get(doc.key);
        if (seen != null && !seen.arrivals.isEmpty()) {
            first = Math.min(first, seen.arrivals.get(0));
        }
        Observer.Letter letter = letters.get(doc.origin());
        if (letter != null && !letter.arrivals.isEmpty()) {
            first = Math.min(first, letter.arrivals.get(0));
        }
        return first == Long.MAX_VALUE ? -1 : first;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
