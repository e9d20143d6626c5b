package org.scizoo.tests.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

/** A consumer group's committed offsets against the ends of a topic's partitions, as Kafka's Admin API tells. */
public record Committed(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {

    public boolean atEnd() {
        return !ends.isEmpty()
                && ends.entrySet().stream().allMatch(e -> e.getValue().equals(committed.get(e.getKey())));
    }

    /** Asks until the group has committed every partition's end, or the timeout; returns the last answer. */
    public static Committed awaitEnd(String bootstrap, String topic, String group, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = KafkaMetadataTransport.withOwnClassLoader(() -> Admin.create(p))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().entrySet()) {
                    if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                        committed.put(e.getKey(), e.getValue().offset());
                    }
                }
                var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(i -> new TopicPartition(topic, i.partition()))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                Committed c = new Committed(committed, ends);
                if (c.atEnd() || System.nanoTime() > deadline) {
                    return c;
                }
                Thread.sleep(500);
            }
        }
    }
}
