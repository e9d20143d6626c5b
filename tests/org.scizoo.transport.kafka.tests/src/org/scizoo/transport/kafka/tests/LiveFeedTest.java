package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.transport.kafka.KafkaLiveFeed;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

/** A workbench's live view of the shared topic: what is published from now on, by anyone; garbage skipped. */
class LiveFeedTest {

    @Test
    void showsWhatAnyBeamlinePublishesFromNowOn() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-live-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.live." + System.nanoTime());
            try (KafkaMetadataTransport before = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                    e -> {})) {
                for (int i = 0; i < 10; i++) {
                    before.publish(SampleEntries.entry(1000 + i)); // history: in the store, not the live feed's
                }
                before.flush();
            }
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<String> problems = new CopyOnWriteArrayList<>();
            try (KafkaLiveFeed feed = new KafkaLiveFeed(broker.bootstrap(), topic, Map.of(),
                    batch -> batch.forEach(e -> seen.add(e.dataset().pid())), problems::add)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!feed.isLive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(feed.isLive(), "the feed found the topic: " + problems);
                // Two beamlines publish, and someone sends garbage in between.
                try (KafkaMetadataTransport a = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                        e -> {});
                        KafkaMetadataTransport b = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                                e -> {});
                        KafkaProducer<String, byte[]> raw = KafkaMetadataTransport
                                .withOwnClassLoader(() -> new KafkaProducer<>(
                                        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                                broker.bootstrap()),
                                        new StringSerializer(), new ByteArraySerializer()))) {
                    for (int i = 0; i < 20; i++) {
                        (i % 2 == 0 ? a : b).publish(SampleEntries.entry(i));
                        if (i == 10) {
                            raw.send(new ProducerRecord<>(topic, "x", "{garbage".getBytes(StandardCharsets.UTF_8)))
                                    .get();
                        }
                    }
                    a.flush();
                    b.flush();
                }
                Set<String> expected = IntStream.range(0, 20).mapToObj(i -> SampleEntries.entry(i).dataset().pid())
                        .collect(Collectors.toSet());
                while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(500); // anything else would have arrived by now
                assertEquals(expected, seen, "exactly the datasets published after the feed started");
            }
        }
    }
}
