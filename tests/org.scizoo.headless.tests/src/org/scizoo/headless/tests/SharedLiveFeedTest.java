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
        inLiveSession(1000, (broker, catalog, shown, otherBeamline) -> {
            for (int i = 0; i < 25; i++) {
                otherBeamline.publish(SampleEntries.entry(i));
            }
            otherBeamline.flush();
            Set<String> expected = IntStream.range(0, 25).mapToObj(i -> SampleEntries.entry(i).dataset().pid())
                    .collect(Collectors.toSet());
            awaitShown(shown, expected, Duration.ofSeconds(60));
            assertEquals(expected, shown.stream().filter(expected::contains).collect(Collectors.toSet()));
        });
    }

    /**
     * The Scanlog silently stopped being live when the broker went away: the session's status now says so
     * (trouble, with the broker named) even though the store is up and nothing waits to be sent, and clears
     * once the broker is back and the feed reads again.
     */
    @Test
    void aBrokerThatGoesAwaySaysTheScanlogIsNotLive() throws Exception {
        inLiveSession(2000, (broker, catalog, shown, otherBeamline) -> {
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
            awaitShown(shown, Set.of(pid), Duration.ofSeconds(30));
            assertTrue(shown.contains(pid), "the feed reads again after the outage");
        });
    }

    /** What a test does within a workbench's live session, on a broker and topic of its own. */
    private interface LiveSession {
        void run(KafkaBroker broker, CatalogService catalog, Set<String> shown, KafkaMetadataTransport otherBeamline)
                throws Exception;
    }

    /**
     * Starts a broker and a session with the live feed on, and runs {@code test} once the feed shows what
     * another beamline publishes ({@code shown}: the pids the session's dataset listeners were given).
     */
    private void inLiveSession(int firstProbe, LiveSession test) throws Exception {
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-live-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.live." + System.nanoTime());
            CatalogService catalog = OsgiServices.get(CatalogService.class);
            Set<String> shown = ConcurrentHashMap.newKeySet();
            try (AutoCloseable l = catalog.onDatasets(batch -> batch.stream().map(Dataset::pid).forEach(shown::add))) {
                catalog.start(new BackendSettings(dir, null, null, broker.bootstrap(), topic),
                        IngestOptions.none().withLiveFeed());
                try (KafkaMetadataTransport otherBeamline = new KafkaMetadataTransport(broker.bootstrap(), topic,
                        Map.of(), e -> {})) {
                    awaitLive(otherBeamline, shown, firstProbe);
                    test.run(broker, catalog, shown, otherBeamline);
                }
            } finally {
                catalog.stop();
            }
        }
    }

    /** Waits until every one of {@code pids} was shown, or {@code timeout} has passed (the caller asserts). */
    private static void awaitShown(Set<String> shown, Set<String> pids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!shown.containsAll(pids) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The feed starts reading at the topic's end once it has found it: publishes probes until it shows one. */
    private static void awaitLive(KafkaMetadataTransport publisher, Set<String> shown, int firstProbe)
            throws Exception {
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
