package org.scizoo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import org.scizoo.core.ports.RejectedEntryException;
import org.scizoo.transport.kafka.CatalogMessages.InvalidMessageException;

/**
 * SciCow: reads catalogue entries from Kafka (a consumer group; more consumers share the partitions) and
 * writes each poll's entries to the store in one idempotent bulk upsert, on a writer thread, while the
 * next poll is read and decoded (one batch in flight at most). Offsets are committed only after the store
 * acknowledged, so a crash replays, never loses (and replays are harmless upserts); partitions taken away
 * by a rebalance wait for the batch in flight first. A message
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
    /** Writes one batch to the store while the consumer's thread reads and decodes the next. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
            .name("scicow-writer").daemon().unstarted(r));
    /** The batch the writer is storing (read and changed on the consumer's thread only). */
    private InFlight inFlight;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile String lastProblem;
    private volatile boolean failed;
    /** How many partitions the group gave this consumer, as of the last poll (the consumer is not thread-safe). */
    private volatile int partitions;
    private final BrokerConnection broker;
    private final MissingTopic missingTopic;

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
        c.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, BrokerConnection.RECONNECT_BACKOFF_MAX_MS);
        c.putAll(extra);
        consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()));
        broker = BrokerConnection.of(bootstrap, consumer.metrics(), "consumer-metrics");
        missingTopic = new MissingTopic(topic, bootstrap);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scicow-dlq");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, BrokerConnection.RECONNECT_BACKOFF_MAX_MS);
        p.putAll(extra);
        deadLetters = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new FinishBeforeRevoke());
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                partitions = consumer.assignment().size(); // a rebalance happens inside poll
                broker.observe(true);
                missingTopic.observe(consumer, partitions);
                if (records.isEmpty()) {
                    if (finishWrite(null) == Finish.STOPPED) {
                        return;
                    }
                    continue;
                }
                // This batch is decoded while the previous one is being written; then that write is
                // finished (its offsets committed) before this one is handed to the writer.
                Batch batch = decode(records);
                switch (finishWrite(batch)) {
                    case STOPPED -> {
                        return; // stopped while the store was away: nothing committed, the next run replays
                    }
                    case READ_AGAIN -> pause();
                    case DONE -> inFlight = new InFlight(batch, writer.submit(() -> writeUntilStored(batch)));
                }
            }
            finishWrite(null); // SIGTERM: the batch being written is finished and committed, not dropped
        } catch (WakeupException e) {
            finishWrite(null);
        } catch (AuthenticationException | AuthorizationException e) {
            // Retrying cannot help: the login or its rights are wrong. Stop and say so (the message names
            // the user at most, never the password).
            lastProblem = "Kafka refused SciCow: " + e.getMessage();
            failed = true;
        } finally {
            writer.shutdownNow();
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** The entries of one poll, its bad messages on their way to the dead-letter topic, and its offsets. */
    private record Batch(List<CatalogEntry> entries, List<ConsumerRecord<String, byte[]>> sources,
            List<Future<RecordMetadata>> sentToDeadLetters, Map<TopicPartition, OffsetAndMetadata> offsets,
            Map<TopicPartition, Long> firsts) {
    }

    /** A batch handed to the writer thread; {@code stored} says whether it was stored (false: stopped first). */
    private record InFlight(Batch batch, Future<Boolean> stored) {
    }

    private enum Finish {
        /** Nothing in flight, or it was stored and its offsets committed. */
        DONE,
        /** A bad message did not reach the dead-letter topic: its batch (and the next) will be read again. */
        READ_AGAIN,
        /** Stopped before the store took the batch: nothing committed. */
        STOPPED
    }

    private Batch decode(ConsumerRecords<String, byte[]> records) {
        List<CatalogEntry> entries = new ArrayList<>(records.count());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
        // the writer adds the entries the store refuses; finishWrite reads the list after the write's end
        List<Future<RecordMetadata>> sentToDeadLetters = Collections.synchronizedList(new ArrayList<>());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, Long> firsts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                entries.add(CatalogMessages.decode(r.key(), r.value()));
                sources.add(r);
            } catch (InvalidMessageException e) {
                sentToDeadLetters.add(deadLetter(r, e.getMessage()));
            }
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            firsts.putIfAbsent(tp, r.offset());
            offsets.put(tp, new OffsetAndMetadata(r.offset() + 1));
        }
        return new Batch(entries, sources, sentToDeadLetters, offsets, firsts);
    }

    /**
     * Waits for the batch being written (on the consumer's thread), then commits its offsets once its bad
     * messages are acknowledged by the dead-letter topic. If they are not, that batch and {@code next}
     * (read but not yet written) are read again.
     */
    private Finish finishWrite(Batch next) {
        InFlight f = inFlight;
        if (f == null) {
            return Finish.DONE;
        }
        inFlight = null;
        if (!Boolean.TRUE.equals(awaitStored(f.stored()))) {
            return Finish.STOPPED;
        }
        if (!deadLettersAcknowledged(f.batch().sentToDeadLetters())) {
            // A bad message must be on the dead-letter topic before its offset is committed: read the batch
            // again (its good entries are upserted again, harmlessly).
            Map<TopicPartition, Long> from = new HashMap<>(f.batch().firsts());
            if (next != null) {
                next.firsts().forEach(from::putIfAbsent);
            }
            from.forEach(consumer::seek);
            return Finish.READ_AGAIN;
        }
        deadLettered.addAndGet(f.batch().sentToDeadLetters().size());
        try {
            consumer.commitSync(f.batch().offsets());
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The group moved some of these partitions to another member while we wrote: it reads them
            // again from the last commit and upserts the same entries, which is harmless. Not a problem to
            // report: the group is doing its job.
        } catch (RetriableException e) {
            // The broker went away after the store acknowledged: the next batch's commit covers these
            // offsets too; should we stop first, the next run reads them again, harmlessly.
            lastProblem = "Kafka did not take the offsets: " + e.getMessage() + " (committed with a later batch)";
        }
        return Finish.DONE;
    }

    private Boolean awaitStored(Future<Boolean> stored) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return stored.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the write is under way: wait for its answer
                } catch (ExecutionException e) {
                    // Not a store that is away (that is retried) but an error nobody expected: SciCow stops,
                    // commits nothing and says why, as it did when it wrote on its own thread.
                    lastProblem = "SciCow stopped: storing a batch failed unexpectedly: " + e.getCause();
                    failed = true;
                    return false;
                } catch (java.util.concurrent.CancellationException e) {
                    return false;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Partitions leave this consumer only after the batch being written is stored and committed, so that
     * their next owner cannot write a newer entry of the same dataset before this older one lands.
     */
    private final class FinishBeforeRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (finishWrite(null) == Finish.READ_AGAIN) {
                pause(); // the new owner reads the batch again from the last commit
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // nothing to do: reading starts at the group's committed offsets
        }
    }

    private boolean writeUntilStored(Batch batch) {
        List<Integer> left = new ArrayList<>(); // the batch's entries not refused by the store
        for (int i = 0; i < batch.entries().size(); i++) {
            left.add(i);
        }
        while (running.get()) {
            List<CatalogEntry> entries = left.stream().map(batch.entries()::get).toList();
            try {
                store.upsert(entries);
                stored.addAndGet(entries.size());
                lastProblem = null;
                return true;
            } catch (RejectedEntryException e) {
                // The store said no to what one entry holds: that message goes to the dead-letter topic and
                // the others are written again (those before it were stored; storing them again is harmless).
                if (!left.removeIf(i -> setAside(batch, i, e))) {
                    lastProblem = e.getMessage() + " (retrying, nothing committed)";
                    pause();
                }
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

    private boolean setAside(Batch batch, int i, RejectedEntryException e) {
        if (!batch.entries().get(i).dataset().pid().equals(e.datasetPid())) {
            return false;
        }
        batch.sentToDeadLetters().add(deadLetter(batch.sources().get(i), e.getMessage()));
        return true;
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

    /**
     * A broker out of reach, a topic that does not exist, and what went wrong last (cleared when the store takes
     * a batch again), joined by "; "; or null.
     */
    public String lastProblem() {
        String problems = java.util.stream.Stream.of(broker.problem(), missingTopic.problem(), lastProblem)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("; "));
        return problems.isEmpty() ? null : problems;
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
