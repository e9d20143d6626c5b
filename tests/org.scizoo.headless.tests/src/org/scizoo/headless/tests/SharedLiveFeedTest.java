package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

/**
 * A workbench's session on the shared backend (--kafka, live feed on): another beamline's datasets, published
 * to Kafka, reach the session's dataset listeners (the Scanlog) as they are published.
 */
class SharedLiveFeedTest {

    @TempDir
    Path dir;

    @Test
    void anotherBeamlinesScansReachTheLiveScanlog() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(Files.createDirectories(Path.of("target", "kafka-live-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.live." + System.nanoTime());
            CatalogService catalog = OsgiServices.get(CatalogService.class);
            Set<String> shown = ConcurrentHashMap.newKeySet();
            try (AutoCloseable l = catalog.onDatasets(batch -> batch.stream().map(Dataset::pid).forEach(shown::add))) {
                catalog.start(new BackendSettings(dir, null, null, broker.bootstrap(), topic),
                        IngestOptions.none().withLiveFeed());
                try (KafkaMetadataTransport otherBeamline = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), e -> { })) {
                    // The feed starts reading at the topic's end once it has found it: probe until it shows one.
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    int probe = 1000;
                    while (shown.isEmpty() && System.nanoTime() < deadline) {
                        otherBeamline.publish(SampleEntries.entry(probe++));
                        otherBeamline.flush();
                        Thread.sleep(300);
                    }
                    assertTrue(!shown.isEmpty(), "the live feed never showed anything");
                    for (int i = 0; i < 25; i++) {
                        otherBeamline.publish(SampleEntries.entry(i));
                    }
                    otherBeamline.flush();
                    Set<String> expected = IntStream.range(0, 25).mapToObj(i -> SampleEntries.entry(i).dataset().pid())
                            .collect(Collectors.toSet());
                    while (!shown.containsAll(expected) && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertEquals(expected, shown.stream().filter(expected::contains).collect(Collectors.toSet()));
                }
            } finally {
                catalog.stop();
            }
        }
    }
}
