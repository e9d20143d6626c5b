package org.scizoo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
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
 * that is not a valid entry goes to the dead-letter topic with the reason (acknowledged there before its
 * offset is committed) and the consumer goes on; while the store fails, the batch is retried and nothing
 * is committed.
 */
public final class SciCowConsumer implements Runnable, AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final CatalogStore store;
    private final String topic;
    private final String deadLetterTopic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile String lastProblem;
    private volatile boolean failed;
    /** How many partitions the group gave this consumer, as of the last poll (the consumer is not thread-safe). */
    private volatile int partitions;

    public SciCowConsumer(String bootstrap, String topic, String group, CatalogStore store) {
        this(bootstrap, topic, group, null, Map.of(), store);
    }

    /**
     * @param instanceId a static group member name ({@code group.instance.id}), or null: a consumer restarted
     *        with the same name (a service after a crash) takes its partitions back at once, without a
     *        rebalance and without waiting for the dead member's session to time out
     * @param extra more client settings for the consumer and the dead-letter producer (a SASL login:
     *        {@link KafkaSecurity})
     */
    public SciCowConsumer(String bootstrap, String topic, String group, String instanceId, Map<String, Object> extra,
            CatalogStore store) {
        this.topic = topic;
        this.deadLetterTopic = CatalogMessages.deadLetterTopic(topic);
        this.store = store;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // Topics are made by their producers (or by IT, with the partitions they want), never by a reader.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, instanceId == null ? "scicow" : "scicow-" + instanceId);
        // A dead member's partitions move to the others after 10 s instead of Kafka's default 45 s.
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        if (instanceId != null) {
            c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        c.putAll(extra);
        consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scicow-dlq");
        p.putAll(extra);
        deadLetters = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                partitions = consumer.assignment().size(); // a rebalance happens inside poll
                if (records.isEmpty()) {
                    continue;
                }
                List<CatalogEntry> entries = new ArrayList<>();
                List<Future<RecordMetadata>> sentToDeadLetters = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                Map<TopicPartition, Long> firsts = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    try {
                        entries.add(CatalogMessages.decode(r.key(), r.value()));
                    } catch (InvalidMessageException e) {
                        sentToDeadLetters.add(deadLetter(r, e.getMessage()));
                    }
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    firsts.putIfAbsent(tp, r.offset());
                    offsets.put(tp, new OffsetAndMetadata(r.offset() + 1));
                }
                if (!writeUntilStored(entries)) {
                    return; // stopped while the store was away: nothing committed, the next run replays
                }
                if (!deadLettersAcknowledged(sentToDeadLetters)) {
                    // A bad message must be on the dead-letter topic before its offset is committed: read the
                    // batch again (its good entries are upserted again, harmlessly) after a pause.
                    firsts.forEach((tp, offset) -> consumer.seek(tp, offset));
                    pause();
                    continue;
                }
                deadLettered.addAndGet(sentToDeadLetters.size());
                try {
                    consumer.commitSync(offsets);
                } catch (CommitFailedException | RebalanceInProgressException e) {
                    // The group moved some of these partitions to another member while we wrote: it reads
                    // them again from the last commit and upserts the same entries, which is harmless. Not a
                    // problem to report: the group is doing its job.
                } catch (RetriableException e) {
                    // The broker went away after the store acknowledged: the next batch's commit covers these
                    // offsets too; should we stop first, the next run reads them again, harmlessly.
                    lastProblem = "Kafka did not take the offsets: " + e.getMessage() + " (committed with a later batch)";
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (AuthenticationException | AuthorizationException e) {
            // Retrying cannot help: the login or its rights are wrong. Stop and say so (the message names
            // the user at most, never the password).
            lastProblem = "Kafka refused SciCow: " + e.getMessage();
            failed = true;
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
                pause();
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
        }
        return false;
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        ProducerRecord<String, byte[]> dl = new ProducerRecord<>(deadLetterTopic, r.key(), r.value());
        dl.headers().add(CatalogMessages.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        dl.headers().add("scizoo.dlq.source", (r.topic() + "/" + r.partition() + "/" + r.offset())
                .getBytes(StandardCharsets.UTF_8));
        return deadLetters.send(dl);
    }

    private boolean deadLettersAcknowledged(List<Future<RecordMetadata>> sent) {
        deadLetters.flush();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                lastProblem = "the dead-letter topic " + deadLetterTopic + " did not take a message: "
                        + e.getCause().getMessage() + " (retrying, nothing committed)";
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    public long stored() {
        return stored.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** The number of the topic's partitions this consumer reads now. */
    public int partitions() {
        return partitions;
    }

    /** True when SciCow stopped on its own because Kafka refused it ({@link #lastProblem()} says why). */
    public boolean failed() {
        return failed;
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
