package org.scizoo.transport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.transport.kafka.CatalogMessages.InvalidMessageException;

/**
 * What every beamline publishes, as it happens, for a workbench's live Scanlog: reads the topic's new
 * messages (from its end, all partitions, no consumer group, nothing committed — a viewer, not a second
 * SciCow) and hands each poll's valid entries to a listener. Invalid messages are skipped (SciCow
 * dead-letters them). A broker that is away is retried by the client; the problem listener hears why the feed
 * cannot read (once per new reason) and null once it reads again, so that a view can say it is not live.
 */
public final class KafkaLiveFeed implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(300);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String bootstrap;
    private final String topic;
    private final Consumer<List<CatalogEntry>> entries;
    private final Consumer<String> problems;
    private final BrokerConnection broker;
    /** What the problem listener was last told; null: nothing wrong. Only the feed's thread uses it. */
    private String reported;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean live;
    private final Thread thread;

    public KafkaLiveFeed(String bootstrap, String topic, Map<String, Object> extra,
            Consumer<List<CatalogEntry>> entries,
            Consumer<String> problems) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.entries = entries;
        this.problems = problems;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "scizoo-live");
        c.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, BrokerConnection.RECONNECT_BACKOFF_MAX_MS);
        c.putAll(extra);
        consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()));
        broker = BrokerConnection.of(bootstrap, consumer.metrics(), "consumer-metrics");
        thread = Thread.ofPlatform().daemon().name("scizoo-live-feed").start(this::run);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix "the end" now: what is published from here on is shown
            live = true;
            while (running.get()) {
                List<CatalogEntry> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    try {
                        batch.add(CatalogMessages.decode(r.key(), r.value()));
                    } catch (InvalidMessageException skipped) {
                        // not an entry: SciCow puts it on the dead-letter topic; a viewer just skips it
                    }
                }
                if (!batch.isEmpty()) {
                    entries.accept(batch);
                }
                // An assigned consumer fetches all the time, so it always needs its connection.
                broker.observe(true);
                report(broker.problem());
            }
        } catch (WakeupException stopping) {
            // close()
        } catch (KafkaException e) {
            report("stopped reading Kafka: " + e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The topic's partitions, asking again while the broker is away or the topic not there yet. */
    private List<TopicPartition> awaitPartitions() {
        while (running.get()) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    report(null);
                    return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                }
                report("topic " + topic + " does not exist yet on Kafka at " + bootstrap + " (asking again)");
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                report("no answer from Kafka at " + bootstrap + " (retrying)");
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    /** Tells the problem listener of a new problem, or of none after one. */
    private void report(String problem) {
        if (!java.util.Objects.equals(problem, reported)) {
            reported = problem;
            problems.accept(problem);
        }
    }

    /** True once the feed has found the topic and is reading from its end. */
    public boolean isLive() {
        return live;
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
