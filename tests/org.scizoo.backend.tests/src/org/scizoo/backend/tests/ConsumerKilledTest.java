package org.scizoo.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.tests.support.Committed;
import org.scizoo.tests.support.EmbeddedStoreServer;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.tests.support.ScizooProcess;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * {@code scizoo consume} killed with SIGKILL five times while 100,000 datasets flow through Kafka: every
 * dataset is in the catalogue exactly once (and its datablock), and the group's committed offsets reach the
 * end of the topic. Each kill lands mid-stream, so batches written but not committed are replayed.
 */
class ConsumerKilledTest {

    private static final int DATASETS = 100_000;
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void killingTheConsumerFiveTimesLosesAndDuplicatesNothing() throws Exception {
        Path log = dir.resolve("consumers.log");
        try (EmbeddedStoreServer db = new EmbeddedStoreServer(dir.resolve("db.mv"));
                KafkaBroker broker = new KafkaBroker(
                        Files.createDirectories(Path.of("target", "kafka-kill-" + System.nanoTime())));
                MongoClient client = MongoClients.create(db.uri())) {
            MongoDatabase scicat = client.getDatabase("scicat");
            String topic = broker.createTopic("scizoo.kill." + System.nanoTime());
            AtomicReference<Throwable> producerFailure = new AtomicReference<>();
            AtomicLong acknowledged = new AtomicLong();
            Thread producer = Thread.ofPlatform().name("scans")
                    .start(() -> produce(broker.bootstrap(), topic, acknowledged, producerFailure));
            String[] consume = { "consume", "--kafka", broker.bootstrap(), "--topic", topic, "--group", "scicow",
                    "--instance-id", "scicow-1", "--status-every", "1s", "--mongo-uri", db.uri() };
            java.util.function.Supplier<String> offsets = () -> {
                try {
                    return acknowledged.get() + " of " + DATASETS + " acknowledged by the broker; "
                            + Committed.awaitEnd(broker.bootstrap(), topic, "scicow", Duration.ZERO);
                } catch (Exception e) {
                    return "(offsets unknown: " + e + ")";
                }
            };
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = count(scicat);
                Process cow = ScizooProcess.start(dir, log, consume);
                try {
                    // Let it store a good part of a batch stream, then kill it mid-flight.
                    awaitCount(scicat, before + 3_000 + kill * 1_000L, Duration.ofSeconds(90), cow, log, offsets);
                } finally {
                    cow.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no goodbye
                    cow.waitFor();
                }
            }
            producer.join(300_000);
            assertFalse(producer.isAlive(), "the producer has not sent every dataset within 5 min: " + offsets.get());
            assertEquals(null, producerFailure.get(), "the producer sent every dataset");
            assertEquals(DATASETS, acknowledged.get(), "the broker acknowledged every dataset");
            Process last = ScizooProcess.start(dir, log, consume);
            Committed committed;
            try {
                awaitCount(scicat, DATASETS, Duration.ofSeconds(300), last, log, offsets);
                committed = Committed.awaitEnd(broker.bootstrap(), topic, "scicow", Duration.ofSeconds(30));
                last.destroy(); // SIGTERM: finishes the batch in hand and leaves
                last.waitFor();
            } finally {
                last.destroyForcibly(); // a failed wait must not leave it running
            }

            assertEquals(DATASETS, scicat.getCollection("Dataset").countDocuments(), "0 lost, 0 duplicated");
            assertEquals(DATASETS, scicat.getCollection("OrigDatablock").countDocuments(), "one datablock each");
            Set<String> pids = new HashSet<>();
            for (Document d : scicat.getCollection("Dataset").find().projection(new Document("_id", 1))) {
                pids.add(d.getString("_id"));
            }
            for (int i = 0; i < DATASETS; i++) {
                assertTrue(pids.contains(SampleEntries.entry(i).dataset().pid()), "dataset " + i + " is stored");
            }
            assertTrue(committed.atEnd(), "the group committed up to the end of every partition: " + committed);
            String consumers = Files.readString(log);
            assertEquals(KILLS + 1, consumers.split("consuming " + topic, -1).length - 1, consumers);
        }
    }

    /**
     * 100,000 datasets in bursts of 1,000 every 100 ms, so that they flow while consumers die. The producer
     * retries for as long as it takes (the test's own producer must not be the one that loses messages).
     */
    private static void produce(String bootstrap, String topic, AtomicLong acknowledged,
            AtomicReference<Throwable> failure) {
        try (KafkaMetadataTransport t = new KafkaMetadataTransport(bootstrap, topic,
                Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE),
                entries -> acknowledged.addAndGet(entries.size()), e -> failure.compareAndSet(null, e))) {
            for (int i = 0; i < DATASETS; i++) {
                t.publish(SampleEntries.entry(i));
                if (i % 1_000 == 999) {
                    Thread.sleep(100);
                }
            }
            t.flush();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * The collection's document count from its metadata: a filtered count scans the collection in the embedded
     * server, and scanning 100,000 documents every few milliseconds slowed the very writes it watched.
     */
    private static long count(MongoDatabase scicat) {
        return scicat.getCollection("Dataset").estimatedDocumentCount();
    }

    private static void awaitCount(MongoDatabase scicat, long atLeast, Duration timeout, Process cow, Path log,
            java.util.function.Supplier<String> offsets) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(scicat) < Math.min(atLeast, DATASETS)) {
            if (!cow.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the consumer " + (cow.isAlive() ? "stalled" : "died") + " at "
                        + count(scicat) + " datasets; Kafka's offsets: " + offsets.get() + "; its log:\n"
                        + Files.readString(log));
            }
            Thread.sleep(500);
        }
    }
}
