package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.EmbeddedStoreServer;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.transport.kafka.KafkaMetadataTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

/**
 * The catalogue's database is down for 60 s while datasets keep arriving: SciCow retries and commits nothing;
 * when the database is back, every dataset is stored.
 */
class StoreOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aStoreOutageLosesNothing() throws Exception {
        try (EmbeddedStoreServer db = new EmbeddedStoreServer(dir.resolve("db.mv"));
                KafkaBroker broker = new KafkaBroker(
                        Files.createDirectories(Path.of("target", "kafka-store-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.outage." + System.nanoTime());
            try (KafkaMetadataTransport t = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), e -> {})) {
                for (int i = 0; i < 100; i++) {
                    t.publish(SciCowTest.entry(i));
                }
                t.flush();
            }
            BackendSettings settings = new BackendSettings(dir, db.uri(),
                    Duration.ofSeconds(1));
            try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(settings);
                    KafkaMetadataTransport during = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                            e -> {})) {
                db.stop(); // the database goes away before SciCow has written anything
                SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "g-" + topic, store);
                Thread worker = Thread.ofPlatform().start(cow);
                long start = System.nanoTime();
                long until = start + OUTAGE.toNanos();
                String problem = null;
                int sent = 100;
                while (System.nanoTime() < until) {
                    problem = problem == null ? cow.lastProblem() : problem;
                    // more scans end while the database is away: one every 0.6 s
                    if (sent < 200 && System.nanoTime() - start > (sent - 100) * 600_000_000L) {
                        during.publish(SciCowTest.entry(sent++));
                    }
                    Thread.sleep(50);
                }
                during.flush();
                assertEquals(200, sent);
                assertEquals(0, cow.stored(), "nothing can be stored while the database is down");
                assertNotNull(problem, "the outage is reported");
                assertTrue(problem.contains("nothing committed"), problem);

                db.start(); // back, with the same file, on the same port
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (cow.stored() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                cow.close();
                worker.join(10_000);
                assertEquals(200, store.countDatasets(), "every dataset stored once the database is back");
            }
        }
    }
}
