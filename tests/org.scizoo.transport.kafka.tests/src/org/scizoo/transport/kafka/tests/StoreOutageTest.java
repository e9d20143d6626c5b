package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.transport.kafka.KafkaMetadataTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** While the catalogue's database is down SciCow retries and commits nothing; when it is back, nothing is lost. */
class StoreOutageTest {

    @TempDir
    Path dir;

    @Test
    void aStoreOutageLosesNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String file = dir.resolve("db.mv").toString();
        MongoServer db = new MongoServer(new H2Backend(file));
        db.bind(new InetSocketAddress("127.0.0.1", port));
        try (KafkaBroker broker = new KafkaBroker(Files.createDirectories(Path.of("target", "kafka-store-" + System.nanoTime())))) {
            String topic = "scizoo.outage." + System.nanoTime();
            try (KafkaMetadataTransport t = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), e -> { })) {
                for (int i = 0; i < 100; i++) {
                    t.publish(SciCowTest.entry(i));
                }
                t.flush();
            }
            BackendSettings settings = new BackendSettings(dir, "mongodb://127.0.0.1:" + port + "/scicat",
                    Duration.ofSeconds(1));
            try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(settings)) {
                db.shutdownNow(); // the database goes away before SciCow has written anything
                SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "g-" + topic, store);
                Thread worker = Thread.ofPlatform().start(cow);
                long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                String problem = null;
                while (System.nanoTime() < until) {
                    problem = problem == null ? cow.lastProblem() : problem;
                    Thread.sleep(100);
                }
                assertEquals(0, cow.stored(), "nothing can be stored while the database is down");
                assertNotNull(problem, "the outage is reported");
                assertTrue(problem.contains("nothing committed"), problem);

                db = new MongoServer(new H2Backend(file)); // back, with the same file, on the same port
                db.bind(new InetSocketAddress("127.0.0.1", port));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (cow.stored() < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                cow.close();
                worker.join(10_000);
                assertEquals(100, store.countDatasets(), "every dataset stored once the database is back");
            }
        } finally {
            db.shutdownNow();
        }
    }
}
