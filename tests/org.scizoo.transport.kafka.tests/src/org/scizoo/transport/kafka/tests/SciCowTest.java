package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.transport.kafka.CatalogMessages;
import org.scizoo.transport.kafka.KafkaMetadataTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

/** Entries through a real Kafka broker into the catalogue; garbage to the dead-letter topic. */
class SciCowTest {

    private static KafkaBroker broker;

    @TempDir
    Path data;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaBroker(Files.createDirectories(Path.of("target", "kafka-" + System.nanoTime())));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    static CatalogEntry entry(int i) {
        String pid = "20.500.12345/kafka-" + i;
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(i).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(i)).datasetName("scan " + i)
                .ownerGroup("20250042").metadata("T01", MetadataValue.of(21.0 + i / 100.0, "degC")).build();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, i, null, "20250042", List.of(),
                List.of(new DataFile("scan_" + i + ".h5", i, d.creationTime(), null)))));
    }

    @Test
    void entriesReachTheCatalogueAndGarbageTheDeadLetterTopic() throws Exception {
        String topic = "scizoo.test." + System.nanoTime();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (KafkaMetadataTransport transport = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                e -> failures.add(e.getMessage()))) {
            for (int i = 0; i < 300; i++) {
                transport.publish(entry(i));
            }
            for (int i = 0; i < 100; i++) {
                transport.publish(entry(i)); // a replay: must not duplicate
            }
            transport.flush();
            assertEquals(0, transport.pending());
        }
        assertTrue(failures.isEmpty(), failures.toString());
        List<String> garbage = List.of("{not json", "{\"format\": \"other\", \"version\": 1}",
                "{\"format\": \"scizoo.catalog-entry\", \"version\": 99, \"dataset\": {}}",
                "{\"format\": \"scizoo.catalog-entry\", \"version\": 1, \"dataset\": {\"pid\": \"x\"}}", "");
        try (KafkaProducer<String, byte[]> raw = producer()) {
            for (String g : garbage) {
                raw.send(new ProducerRecord<>(topic, "x", g.getBytes(StandardCharsets.UTF_8)));
            }
            raw.flush();
        }

        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "scicow-" + topic, store);
            Thread t = Thread.ofPlatform().name("scicow-test").start(cow);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((cow.stored() < 400 || cow.deadLettered() < garbage.size()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            cow.close();
            t.join(10_000);
            assertEquals(300, store.countDatasets(), "every entry once, replays included");
            assertEquals(entry(42).dataset(), store.findDataset(entry(42).dataset().pid()).orElseThrow());
            assertEquals(entry(42).datablocks(), store.findDatablocks(entry(42).dataset().pid()));
            assertEquals(garbage.size(), cow.deadLettered());
        }
        List<String> reasons = deadLetterReasons(garbage.size());
        assertEquals(garbage.size(), reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("version 99")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("empty message")), reasons.toString());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return KafkaMetadataTransport.withOwnClassLoader(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    private static List<String> deadLetterReasons(int expected) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()))) {
            consumer.subscribe(List.of(CatalogMessages.DEAD_LETTER_TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<String, Integer> seen = new HashMap<>();
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String reason = new String(r.headers().lastHeader(CatalogMessages.REASON_HEADER).value(),
                            StandardCharsets.UTF_8);
                    seen.merge(reason, 1, Integer::sum);
                    reasons.add(reason);
                }
            }
        }
        return reasons;
    }

}
