package org.scizoo.transport.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.MetadataTransport;
import org.scizoo.transport.kafka.CatalogMessages.InvalidMessageException;

/**
 * Kafka with a durable outbox: {@link #publish} returns once the entry is on disk ({@link DiskOutbox}); a
 * sender thread hands entries to an idempotent producer that retries for as long as the broker is away,
 * and only the broker's acknowledgement removes an entry from the outbox. Entries still waiting when the
 * process stops (or dies) are sent again, in order, by the next transport on the same folder. The consumer
 * upserts by pid, so an entry sent twice (sent, then the process died before the acknowledgement was
 * written) is stored once.
 */
public final class OutboxKafkaTransport implements MetadataTransport {

    private static final Duration BROKER_AWAY_PAUSE = Duration.ofSeconds(1);

    private final DiskOutbox outbox;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String bootstrap;
    private final Consumer<List<CatalogEntry>> delivered;
    private final Consumer<CatalogException> onFailure;
    private final LinkedBlockingDeque<DiskOutbox.Entry> toSend = new LinkedBlockingDeque<>();
    private final Thread sender;
    private final BrokerConnection broker;
    private volatile boolean closing;
    /** Set when Kafka answered "not now": the sender then re-reads what is pending from disk, in order. */
    private volatile boolean resync;

    public OutboxKafkaTransport(String bootstrap, String topic, Path outboxDir, long capBytes,
            Consumer<List<CatalogEntry>> delivered, Consumer<CatalogException> onFailure) throws IOException {
        this(bootstrap, topic, outboxDir, capBytes, java.util.Map.of(), delivered, onFailure);
    }

    /** @param extra more producer settings (a SASL login: {@link KafkaSecurity}) */
    public OutboxKafkaTransport(String bootstrap, String topic, Path outboxDir, long capBytes,
            java.util.Map<String, Object> extra, Consumer<List<CatalogEntry>> delivered,
            Consumer<CatalogException> onFailure) throws IOException {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.delivered = delivered;
        this.onFailure = onFailure;
        this.outbox = new DiskOutbox(outboxDir, capBytes);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // The outbox, not the producer, decides what is kept: a send the broker has not acknowledged within a
        // minute fails, the producer resets that partition's sequence, and the sender re-sends from disk.
        // (Retrying for ever could wedge on a partition whose sequence state went wrong, as seen with
        // OUT_OF_ORDER_SEQUENCE_NUMBER right after a topic was created.)
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scizoo-ingest");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, BrokerConnection.RECONNECT_BACKOFF_MAX_MS);
        p.putAll(extra);
        producer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        broker = BrokerConnection.of(bootstrap, producer.metrics(), "producer-metrics");
        toSend.addAll(outbox.pendingEntries()); // what an earlier run could not deliver, first
        sender = Thread.ofPlatform().daemon().name("scizoo-kafka-outbox").start(this::send);
    }

    @Override
    public void publish(CatalogEntry entry) throws CatalogException {
        String pid = entry.dataset().pid();
        byte[] value = CatalogMessages.encode(entry);
        // A thread interrupted while it writes to a FileChannel closes the channel, for every later writer
        // too: write with the flag clear, and give it back afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            long seq = outbox.append(pid, value);
            toSend.add(new DiskOutbox.Entry(seq, pid, value));
        } catch (IOException e) {
            throw new CatalogException("Dataset " + pid + " not accepted: " + e, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send() {
        // On close the sender just stops: what it has not handed to the producer is on disk for the next run,
        // and what it has is flushed by the producer's close.
        while (!closing) {
            broker.observe(outbox.pending() > 0);
            if (resync && !closing) {
                resync = false;
                pause();
                try {
                    toSend.clear();
                    toSend.addAll(outbox.pendingEntries());
                } catch (IOException io) {
                    onFailure.accept(new CatalogException("Reading the outbox: " + io.getMessage(), io));
                }
                continue;
            }
            DiskOutbox.Entry e;
            try {
                e = toSend.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                return;
            }
            if (e == null) {
                continue;
            }
            try {
                producer.send(new ProducerRecord<>(topic, e.key(), e.value()), (metadata, error) -> done(e, error));
            } catch (RetriableException away) {
                // no metadata from the broker within max.block.ms: it is away; start again from the outbox
                if (closing) {
                    return; // everything unsent stays in the outbox for the next run
                }
                resync = true;
            } catch (KafkaException fatal) {
                if (closing) {
                    return;
                }
                onFailure.accept(new CatalogException("Kafka at " + bootstrap + " refused dataset " + e.key() + ": "
                        + fatal.getMessage() + " (kept in the outbox)", fatal));
                toSend.addFirst(e);
                pause();
            }
        }
    }

    private void done(DiskOutbox.Entry e, Exception error) {
        if (error != null && (closing || error instanceof RetriableException)) {
            // the broker is away (or we are stopping): the entry is still on disk and is sent again
            if (!closing) {
                resync = true;
            }
            return;
        }
        if (error != null) {
            // only errors retrying cannot fix reach here (a message too large): report, and keep it on disk
            onFailure.accept(new CatalogException("Kafka at " + bootstrap + " will not take dataset " + e.key() + ": "
                    + error.getMessage() + " (kept in the outbox)", error));
            return;
        }
        try {
            outbox.acknowledge(e.seq());
        } catch (IOException io) {
            onFailure.accept(new CatalogException("The outbox could not record the delivery of " + e.key()
                    + " (it will be sent again; stored once): " + io.getMessage(), io));
        }
        try {
            delivered.accept(List.of(CatalogMessages.decode(e.key(), e.value())));
        } catch (InvalidMessageException | RuntimeException ignored) {
            // listeners only count and show; the entry itself was delivered
        }
    }

    private static void pause() {
        try {
            Thread.sleep(BROKER_AWAY_PAUSE.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long pending() {
        return outbox.pending();
    }

    @Override
    public String problem() {
        // Looked at here too: the sender's loop can wait in send() for max.block.ms at a time.
        broker.observe(outbox.pending() > 0);
        return broker.problem();
    }

    @Override
    public String describe() {
        return "Kafka " + bootstrap + " topic " + topic + " (outbox: " + outbox.pending() + " waiting)";
    }

    /** Waits up to {@code timeout} for everything waiting to be acknowledged. */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return outbox.pending() == 0;
    }

    @Override
    public void close() {
        closing = true;
        try {
            sender.join(10_000);
            producer.close(Duration.ofSeconds(10));
            outbox.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            onFailure.accept(new CatalogException("Closing the outbox: " + e.getMessage(), e));
        }
    }
}
