package org.scizoo.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.CatalogMessages;
import org.scizoo.transport.kafka.DiskOutbox;
import org.scizoo.transport.kafka.KafkaMetadataTransport;
import org.scizoo.transport.kafka.OutboxKafkaTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

/**
 * The broker is away for 60 s while scans go on: each scan's metadata is sent three times (start, end,
 * annotated: versions 1, 2, 3). Nothing is lost once the broker is back, every key's versions reach Kafka
 * in order, and the catalogue holds each scan's last version.
 */
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final int SCANS = 700;
    private static final int VERSIONS = 3;
    private static final long TICK_MS = 100;

    @TempDir
    Path dir;

    @Test
    void aSixtySecondBrokerOutageLosesNothingAndKeepsOrderPerKey() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-outage-" + System.nanoTime())));
                CatalogStore store = OsgiServices.get(CatalogStoreProvider.class)
                        .open(BackendSettings.embedded(dir.resolve("catalogue")))) {
            String topic = broker.createTopic("scizoo.outage." + System.nanoTime());
            SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "scicow", store);
            Thread consumer = Thread.ofPlatform().name("scicow").start(cow);
            OutboxKafkaTransport outbox = new OutboxKafkaTransport(broker.bootstrap(), topic, dir.resolve("outbox"),
                    DiskOutbox.DEFAULT_CAP_BYTES, d -> {}, e -> failures.add(e.getMessage()));
            long start = System.nanoTime();
            boolean stopped = false;
            boolean restarted = false;
            long maxPendingDuringOutage = 0;
            String outboxSaid = null;
            String consumerSaid = null;
            // Scan n starts at tick n (version 1), ends two ticks later (2), is annotated two ticks after that (3).
            for (int tick = 0; tick < SCANS + 2 * (VERSIONS - 1); tick++) {
                for (int v = 1; v <= VERSIONS; v++) {
                    int scan = tick - 2 * (v - 1);
                    if (scan >= 0 && scan < SCANS) {
                        outbox.publish(SampleEntries.entry(scan, v));
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (!stopped && elapsed > Duration.ofSeconds(5).toNanos()) {
                    broker.stop();
                    stopped = true;
                } else if (stopped && !restarted) {
                    maxPendingDuringOutage = Math.max(maxPendingDuringOutage, outbox.pending());
                    if (outboxSaid == null && elapsed > Duration.ofSeconds(5 + 30).toNanos()) {
                        outboxSaid = String.valueOf(outbox.problem()); // half-way through the outage
                        consumerSaid = String.valueOf(cow.lastProblem());
                    }
                    if (elapsed > Duration.ofSeconds(5).plus(OUTAGE).toNanos()) {
                        broker.start();
                        restarted = true;
                    }
                }
                Thread.sleep(TICK_MS);
            }
            assertTrue(restarted, "the scans outlasted the outage");
            assertTrue(maxPendingDuringOutage > 400,
                    "scans waited on disk while the broker was away: " + maxPendingDuringOutage);
            String away = "no connection to Kafka at " + broker.bootstrap() + " since ";
            assertTrue(outboxSaid.startsWith(away), "the outbox said why scans waited: " + outboxSaid);
            assertTrue(consumerSaid.startsWith(away), "SciCow said why nothing came: " + consumerSaid);
            phase("scans published (broker away 5 s to " + (5 + OUTAGE.toSeconds()) + " s)", start);
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(120)),
                    "delivered after the outage: " + outbox.pending() + " left");
            phase("outbox delivered", start);
            assertEquals(null, outbox.problem(), "the outbox has its broker back");
            outbox.close();

            Map<String, List<Integer>> versions = versionsOnTopic(broker.bootstrap(), topic, SCANS * VERSIONS);
            assertEquals(SCANS, versions.size(), "every scan reached Kafka");
            for (Map.Entry<String, List<Integer>> e : versions.entrySet()) {
                List<Integer> first = e.getValue().stream().distinct().toList();
                assertEquals(List.of(1, 2, 3), first, e.getKey() + " reached Kafka out of order: " + e.getValue());
                assertEquals(VERSIONS, e.getValue().get(e.getValue().size() - 1),
                        e.getKey() + " ends on its last version");
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!allAtLastVersion(store) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            phase("catalogue holds every last version (or its 90 s are up)", start);
            assertEquals(null, cow.lastProblem(), "SciCow has its broker back, and the store took every batch");
            cow.close();
            consumer.join(10_000);
            assertEquals(SCANS, store.countDatasets(), "0 lost");
            assertTrue(allAtLastVersion(store), "the catalogue holds every scan's last version");
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /** The test's phases on its output: its run time varies with how soon Kafka's clients find the broker again. */
    private static void phase(String what, long start) {
        System.out.printf("BrokerOutageTest: %s after %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    private static boolean allAtLastVersion(CatalogStore store) throws Exception {
        if (store.countDatasets() != SCANS) {
            return false;
        }
        for (int i = 0; i < SCANS; i++) {
            Dataset d = store.findDataset(SampleEntries.entry(i).dataset().pid()).orElse(null);
            if (d == null || !("version " + VERSIONS).equals(d.description())) {
                return false;
            }
        }
        return true;
    }

    /** Every message on the topic, as each key's versions in partition order. */
    private static Map<String, List<Integer>> versionsOnTopic(String bootstrap, String topic, int atLeast)
            throws Exception {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "order-check-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<Integer>> versions = new HashMap<>();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int quietPolls = 0;
            while ((read < atLeast || quietPolls < 3) && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    String description = CatalogMessages.decode(r.key(), r.value()).dataset().description();
                    int version = description == null ? 1
                            : Integer.parseInt(description.substring("version ".length()));
                    versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(version);
                    read++;
                }
            }
        }
        return versions;
    }
}
