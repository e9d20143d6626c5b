package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.BackendStatus.State;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

/**
 * A workbench's session on the shared backend (--kafka, live feed on): another beamline's datasets, published
 * to Kafka, reach the session's dataset listeners (the Scanlog) as they are published; and a broker that goes
 * away shows in the session's status.
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
                    awaitLive(otherBeamline, shown, 1000);
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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

    /**
     * The Scanlog silently stopped being live when the broker went away: the session's status now says so
     * (trouble, with the broker named) even though the store is up and nothing waits to be sent, and clears
     * once the broker is back and the feed reads again.
     */
    @Test
    void aBrokerThatGoesAwaySaysTheScanlogIsNotLive() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(Files.createDirectories(Path.of("target", "kafka-live-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.live." + System.nanoTime());
            CatalogService catalog = OsgiServices.get(CatalogService.class);
            Set<String> shown = ConcurrentHashMap.newKeySet();
            try (AutoCloseable l = catalog.onDatasets(batch -> batch.stream().map(Dataset::pid).forEach(shown::add))) {
                catalog.start(new BackendSettings(dir, null, null, broker.bootstrap(), topic),
                        IngestOptions.none().withLiveFeed());
                try (KafkaMetadataTransport otherBeamline = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), e -> { })) {
                    awaitLive(otherBeamline, shown, 2000);
                    assertEquals(State.UP, awaitStatus(catalog, s -> s.state() == State.UP).state());

                    broker.stop();
                    BackendStatus away = awaitStatus(catalog, s -> s.state() == State.DEGRADED);
                    assertTrue(away.detail().startsWith("Scanlog not live: no connection to Kafka at " + broker.bootstrap()
                            + " since "), away.detail());
                    assertEquals(0, away.pending(), "nothing of ours waits: the feed alone found the broker gone");

                    broker.start();
                    BackendStatus back = awaitStatus(catalog, s -> s.state() == State.UP);
                    assertTrue(back.detail().startsWith("ok"), back.detail());
                    otherBeamline.publish(SampleEntries.entry(7));
                    otherBeamline.flush();
                    String pid = SampleEntries.entry(7).dataset().pid();
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!shown.contains(pid) && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertTrue(shown.contains(pid), "the feed reads again after the outage");
                }
            } finally {
                catalog.stop();
            }
        }
    }

    /** The feed starts reading at the topic's end once it has found it: publishes probes until it shows one. */
    private static void awaitLive(KafkaMetadataTransport publisher, Set<String> shown, int firstProbe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int probe = firstProbe;
        while (shown.isEmpty() && System.nanoTime() < deadline) {
            publisher.publish(SampleEntries.entry(probe++));
            publisher.flush();
            Thread.sleep(300);
        }
        assertTrue(!shown.isEmpty(), "the live feed never showed anything");
    }

    /** The session's status once it matches, within 60 s (the outage needs 5 s of grace, the return a reconnect). */
    private static BackendStatus awaitStatus(CatalogService catalog, Predicate<BackendStatus> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!wanted.test(catalog.status()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        BackendStatus s = catalog.status();
        assertTrue(wanted.test(s), "status never came: last " + s);
        return s;
    }
}
