package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.Credentials;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.DiskOutbox;
import org.scizoo.transport.kafka.KafkaSecurity;
import org.scizoo.transport.kafka.OutboxKafkaTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

/** A Kafka that asks for a SASL login: the right one works end to end; a wrong one is reported, the password never. */
class SaslLoginTest {

    private static final String PASSWORD = "c0ntr0l-r00m!";

    @TempDir
    Path dir;

    @Test
    void theRightLoginDeliversAndAWrongOneIsReportedWithoutThePassword() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-sasl-" + System.nanoTime())),
                Map.of("beamline", PASSWORD))) {
            String topic = broker.createTopic("scizoo.sasl." + System.nanoTime());
            Map<String, Object> login = KafkaSecurity.clientProperties(
                    new Credentials(null, null, "beamline", PASSWORD, "PLAIN", false));
            List<String> failures = new CopyOnWriteArrayList<>();
            OutboxKafkaTransport t = new OutboxKafkaTransport(broker.saslBootstrap(), topic, dir.resolve("outbox"),
                    DiskOutbox.DEFAULT_CAP_BYTES, login, d -> {}, e -> failures.add(e.getMessage()));
            for (int i = 0; i < 20; i++) {
                t.publish(SampleEntries.entry(i));
            }
            assertTrue(t.awaitDelivered(Duration.ofSeconds(60)), "delivered with the right login: " + failures);
            t.close();
            try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class)
                    .open(BackendSettings.embedded(dir.resolve("db")))) {
                SciCowConsumer cow = new SciCowConsumer(broker.saslBootstrap(), topic, "scicow", null, login, store);
                Thread worker = Thread.ofPlatform().start(cow);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (cow.stored() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                cow.close();
                worker.join(10_000);
                assertEquals(20, store.countDatasets(), "SciCow logged in and stored them");

                Map<String, Object> wrong = KafkaSecurity.clientProperties(
                        new Credentials(null, null, "beamline", "guess", "PLAIN", false));
                SciCowConsumer intruder = new SciCowConsumer(broker.saslBootstrap(), topic, "intruder", null, wrong,
                        store);
                Thread w2 = Thread.ofPlatform().start(intruder);
                w2.join(30_000);
                intruder.close();
                assertFalse(w2.isAlive(), "a refused login ends the consumer");
                String problem = intruder.lastProblem();
                assertNotNull(problem, "the refusal is reported");
                assertTrue(problem.toLowerCase().contains("authentication"), problem);
                assertFalse(problem.contains("guess") || problem.contains(PASSWORD), "no password in: " + problem);
            }
            assertTrue(failures.isEmpty(), failures.toString());
            assertFalse(new Credentials("u", PASSWORD, "k", PASSWORD, null, false).toString().contains(PASSWORD));
        }
    }
}
