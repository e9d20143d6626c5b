package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.FreePorts;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.transport.kafka.DiskOutbox;
import org.scizoo.transport.kafka.OutboxKafkaTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

/** The broker is away: datasets are kept on disk across a restart and delivered when it is back. */
class OutboxReplayTest {

    @TempDir
    Path dir;

    @Test
    void datasetsAcceptedWhileTheBrokerIsAwayAreDeliveredAfterARestart() throws Exception {
        Path outbox = dir.resolve("outbox");
        List<String> failures = new CopyOnWriteArrayList<>();
        int nobody = FreePorts.next();
        OutboxKafkaTransport away = new OutboxKafkaTransport("127.0.0.1:" + nobody, "t", outbox,
                DiskOutbox.DEFAULT_CAP_BYTES, d -> {}, e -> failures.add(e.getMessage()));
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            away.publish(SciCowTest.entry(i));
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 5, "publishing does not wait for the broker");
        assertEquals(50, away.pending());
        away.close(); // the ingesting process stops with the broker still away
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-outbox-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.outbox." + System.nanoTime());
            // The next run, on the same outbox, once Kafka is there (a new broker address, as after a move).
            OutboxKafkaTransport back = new OutboxKafkaTransport(broker.bootstrap(), topic, outbox,
                    DiskOutbox.DEFAULT_CAP_BYTES, d -> {}, e -> failures.add(e.getMessage()));
            assertEquals(50, back.pending(), "all 50 kept across the restart");
            assertTrue(back.awaitDelivered(Duration.ofSeconds(60)), "delivered once the broker is back");
            back.close();
            try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class)
                    .open(BackendSettings.embedded(dir.resolve("db")))) {
                SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "g-" + topic, store);
                Thread t = Thread.ofPlatform().start(cow);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (cow.stored() < 50 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                cow.close();
                t.join(10_000);
                assertEquals(50, store.countDatasets());
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
