package io.textprovenance.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the fault suite asks the broker (Kafka Admin): topics, end offsets, the consumer groups assigned the documents
 * topic, and the configured group's lag on it.
 */
final class KafkaQueries {

    private final Admin admin;
    private final String documentsTopic;
    private final String group;

    KafkaQueries(Admin admin, String documentsTopic, String group) {
        this.admin = admin;
        this.documentsTopic = documentsTopic;
        this.group = group;
    }

    /** Records on each topic: the sum of its partitions' end offsets. */
    Map<String, Long> endOffsets(List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> ends = new TreeMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
        return ends;
    }

    void waitForTopic(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (names.contains(topic)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " does not exist after 60 s (topics: " + names + ")");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Polls every {@code pollMillis} until the groups consuming the documents topic have {@code members} members
     * between them, or the timeout passes; returns the groups last seen (empty when none was asked for).
     */
    Map<String, Integer> awaitConsumers(int members, Duration timeout, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> consuming = Map.of();
        while (System.nanoTime() < deadline) {
            consuming = groupsConsumingDocuments();
            if (members(consuming) >= members) {
                break;
            }
            Thread.sleep(pollMillis);
        }
        return consuming;
    }

    static int members(Map<String, Integer> consuming) {
        return consuming.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The groups whose members are assigned the documents topic, with how many such members each. */
    Map<String, Integer> groupsConsumingDocuments() throws Exception {
        List<String> ids = new ArrayList<>();
        for (GroupListing listing : admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
            ids.add(listing.groupId());
        }
        Map<String, Integer> consuming = new TreeMap<>();
        if (ids.isEmpty()) {
            return consuming;
        }
        for (Map.Entry<String, ConsumerGroupDescription> entry : admin.describeConsumerGroups(ids).all()
                .get(30, TimeUnit.SECONDS).entrySet()) {
            int members = 0;
            for (MemberDescription member : entry.getValue().members()) {
                if (member.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(documentsTopic))) {
                    members++;
                }
            }
            if (members > 0) {
                consuming.put(entry.getKey(), members);
            }
        }
        return consuming;
    }

    /** Polls the configured group's lag on the documents topic each second until it is 0 or the timeout passes. */
    long awaitLag(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = -1;
        while (true) {
            lag = lag();
            if (lag == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        return lag;
    }

    /** The configured group's lag on the documents topic; -1 when it has committed no offsets. */
    long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(documentsTopic)).allTopicNames().get(30, TimeUnit.SECONDS).get(documentsTopic)
                .partitions().forEach(p -> partitions.add(new TopicPartition(documentsTopic, p.partition())));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        boolean any = false;
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            long end = ends.get(tp).offset();
            if (offset != null) {
                any = true;
                lag += Math.max(0, end - offset.offset());
            } else {
                lag += end;
            }
        }
        return any ? lag : -1;
    }
}
