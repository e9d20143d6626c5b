package org.scizoo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.transport.kafka.CatalogMessages.InvalidMessageException;

/**
 * SciCow: reads catalogue entries from Kafka (a consumer group; more consumers share the partitions) and
 * writes each poll's entries to the store in one idempotent bulk upsert. Offsets are committed only after
 * the store acknowledged, so a crash replays, never loses (and replays are harmless upserts). A message
 * that is not a valid entry goes to the dead-letter topic with the reason and the consumer goes on; while
 * the store fails, the batch is retried and nothing is committed.
 */
public final class SciCowConsumer implements Runnable, AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final CatalogStore store;
    private final String topic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile String lastProblem;

    public SciCowConsumer(String bootstrap, String topic, String group, CatalogStore store) {
        this.topic = topic;
        this.store = store;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "scicow");
        consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scicow-dlq");
        deadLetters = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                List<CatalogEntry> entries = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    try {
                        entries.add(CatalogMessages.decode(r.key(), r.value()));
                    } catch (InvalidMessageException e) {
                        deadLetter(r, e.getMessage());
                    }
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                if (!writeUntilStored(entries)) {
                    return; // stopped while the store was away: nothing committed, the next run replays
                }
                deadLetters.flush();
                consumer.commitSync(offsets);
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    private boolean writeUntilStored(List<CatalogEntry> entries) {
        while (running.get()) {
            try {
                store.upsert(entries);
                stored.addAndGet(entries.size());
                lastProblem = null;
                return true;
            } catch (CatalogException e) {
                lastProblem = e.getMessage() + " (retrying, nothing committed)";
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        ProducerRecord<String, byte[]> dl = new ProducerRecord<>(CatalogMessages.DEAD_LETTER_TOPIC, r.key(), r.value());
        dl.headers().add(CatalogMessages.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        dl.headers().add("scizoo.dlq.source", (r.topic() + "/" + r.partition() + "/" + r.offset())
                .getBytes(StandardCharsets.UTF_8));
        deadLetters.send(dl);
        deadLettered.incrementAndGet();
    }

    public long stored() {
        return stored.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public String lastProblem() {
        return lastProblem;
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
