package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.KafkaMetadataTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

/** Two SciCow consumers in one group share the topic's three partitions: each stores a part, together all, once. */
class ConsumerGroupTest {

    private static final int DATASETS = 6_000;

    @TempDir
    Path dir;

    @Test
    void twoConsumersInOneGroupShareThePartitions() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-group-" + System.nanoTime())));
                CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(dir))) {
            String topic = broker.createTopic("scizoo.group." + System.nanoTime());
            SciCowConsumer a = new SciCowConsumer(broker.bootstrap(), topic, "scicow", "scicow-a", Map.of(), store);
            SciCowConsumer b = new SciCowConsumer(broker.bootstrap(), topic, "scicow", "scicow-b", Map.of(), store);
            Thread ta = Thread.ofPlatform().start(a);
            Thread tb = Thread.ofPlatform().start(b);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            // The group settles first (both members, three partitions between them), then the scans come.
            while ((a.partitions() == 0 || b.partitions() == 0 || a.partitions() + b.partitions() != 3)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(a.partitions() > 0 && b.partitions() > 0, "the group shared the partitions: " + a.partitions()
                    + " + " + b.partitions());
            try (KafkaMetadataTransport t = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), e -> {})) {
                for (int i = 0; i < DATASETS; i++) {
                    t.publish(SampleEntries.entry(i));
                }
                t.flush();
            }
            while (store.countDatasets() < DATASETS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            a.close();
            b.close();
            ta.join(10_000);
            tb.join(10_000);
            assertEquals(DATASETS, store.countDatasets(), "all stored, once");
            assertTrue(a.stored() > 0 && b.stored() > 0,
                    "both consumers took partitions: " + a.stored() + " + " + b.stored());
        }
    }
}
