package org.scizoo.transport.kafka;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether the topic SciCow subscribed to exists, asked every 5 s while it reads no partition. A consumer of a
 * topic that is not there only logs warnings (UNKNOWN_TOPIC_OR_PARTITION), so a mistyped {@code --topic}
 * looked like an idle SciCow: "stored 0, partitions 0". A member with no partition of a topic that exists
 * (more members than partitions) is not a problem.
 */
final class MissingTopic {

    private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final String topic;
    private final String bootstrap;
    private long askedAt = System.nanoTime() - EVERY_NANOS;
    private volatile String problem;

    MissingTopic(String topic, String bootstrap) {
        this.topic = topic;
        this.bootstrap = bootstrap;
    }

    /** On the consumer's own thread, after a poll. */
    void observe(Consumer<?, ?> consumer, int partitions) {
        if (partitions > 0) {
            problem = null;
            return;
        }
        long now = System.nanoTime();
        if (now - askedAt < EVERY_NANOS) {
            return;
        }
        askedAt = now;
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            problem = infos == null || infos.isEmpty() ? "topic " + topic + " does not exist on Kafka at " + bootstrap
                    + " (SciCow never creates topics: check --topic, or have it created)" : null;
        } catch (RetriableException brokerAway) {
            // not known: BrokerConnection says the broker is out of reach
        }
    }

    /** "topic … does not exist …", or null. */
    String problem() {
        return problem;
    }
}
