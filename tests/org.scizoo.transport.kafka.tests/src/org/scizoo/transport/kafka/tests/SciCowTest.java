package org.scizoo.transport.kafka.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;
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
        return SampleEntries.entry(i);
    }

    @Test
    void entriesReachTheCatalogueAndGarbageTheDeadLetterTopic() throws Exception {
        String topic = broker.createTopic("scizoo.test." + System.nanoTime());
        broker.createTopic(CatalogMessages.deadLetterTopic(topic));
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
        List<String> reasons = deadLetterReasons(topic, garbage.size());
        assertEquals(garbage.size(), reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("version 99")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("empty message")), reasons.toString());
    }

    /**
     * A topic that does not exist (a mistyped --topic; SciCow never creates one) is named as SciCow's problem,
     * instead of an idle "partitions 0"; once the topic is made, SciCow reads it and the problem is gone.
     */
    @Test
    void aTopicThatDoesNotExistIsNamedUntilItIsMade() throws Exception {
        String topic = "scizoo.test.missing." + System.nanoTime();
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "scicow-" + topic, store);
            Thread t = Thread.ofPlatform().name("scicow-test").start(cow);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (cow.lastProblem() == null && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals("topic " + topic + " does not exist on Kafka at " + broker.bootstrap()
                        + " (SciCow never creates topics: check --topic, or have it created)", cow.lastProblem());

                broker.createTopic(topic);
                try (KafkaMetadataTransport transport = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                        e -> {})) {
                    transport.publish(entry(1));
                    transport.flush();
                }
                deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while ((cow.stored() < 1 || cow.lastProblem() != null) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(1, cow.stored());
                assertEquals(null, cow.lastProblem());
            } finally {
                cow.close();
                t.join(10_000);
            }
        }
    }

    /**
     * A store that fails in a way nobody expected (a bug, not an outage) stops SciCow, which says why and
     * commits nothing: the group's next consumer stores every entry.
     */
    @Test
    void anUnexpectedStoreErrorStopsSciCowWhichSaysSoAndCommitsNothing() throws Exception {
        String topic = broker.createTopic("scizoo.test." + System.nanoTime());
        try (KafkaMetadataTransport transport = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(),
                e -> {})) {
            for (int i = 0; i < 50; i++) {
                transport.publish(entry(i));
            }
            transport.flush();
        }
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            // the real store, whose bulk write throws what no store should
            CatalogStore broken = (CatalogStore) java.lang.reflect.Proxy.newProxyInstance(
                    CatalogStore.class.getClassLoader(), new Class<?>[] { CatalogStore.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("upsert")) {
                            throw new IllegalStateException("a bug in the store");
                        }
                        return method.invoke(store, args);
                    });
            SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "scicow-" + topic, broken);
            Thread t = Thread.ofPlatform().name("scicow-broken").start(cow);
            t.join(60_000);
            assertTrue(!t.isAlive(), "SciCow stops");
            assertTrue(cow.failed(), "and says it failed");
            assertTrue(cow.lastProblem().contains("a bug in the store"), cow.lastProblem());
            assertEquals(0, store.countDatasets());

            SciCowConsumer next = new SciCowConsumer(broker.bootstrap(), topic, "scicow-" + topic, store);
            Thread t2 = Thread.ofPlatform().name("scicow-next").start(next);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (next.stored() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            next.close();
            t2.join(10_000);
            assertEquals(50, store.countDatasets(), "nothing was committed: the group reads every entry again");
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return KafkaMetadataTransport
                .withOwnClassLoader(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    /**
     * 10,000 bad messages of eight kinds (not JSON, binary junk, empty, another format, a future version, no
     * dataset, a dataset of the wrong shape, a key that is not the pid) mixed into 10,000 good ones: every bad
     * one reaches the dead-letter topic with its reason, every good one the catalogue.
     */
    @Test
    void tenThousandBadMessagesMixedInAllGoToTheDeadLetterTopic() throws Exception {
        String topic = broker.createTopic("scizoo.garbage." + System.nanoTime());
        broker.createTopic(CatalogMessages.deadLetterTopic(topic));
        byte[] junk = new byte[64];
        new java.util.Random(7).nextBytes(junk);
        CatalogEntry sample = entry(1);
        String wrongShape = new String(CatalogMessages.encode(sample), StandardCharsets.UTF_8)
                .replace("\"size\": 1", "\"size\": \"one\"");
        List<byte[]> kinds = List.of("{not json".getBytes(StandardCharsets.UTF_8), junk, new byte[0],
                "{\"format\": \"other\", \"version\": 1}".getBytes(StandardCharsets.UTF_8),
                "{\"format\": \"scizoo.catalog-entry\", \"version\": 99, \"dataset\": {}}"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"format\": \"scizoo.catalog-entry\", \"version\": 1}".getBytes(StandardCharsets.UTF_8),
                wrongShape.getBytes(StandardCharsets.UTF_8), CatalogMessages.encode(sample));
        int good = 10_000;
        int bad = 10_000;
        try (KafkaProducer<String, byte[]> raw = producer()) {
            for (int i = 0; i < good + bad; i++) {
                if (i % 2 == 0) {
                    CatalogEntry e = entry(i / 2);
                    raw.send(new ProducerRecord<>(topic, e.dataset().pid(), CatalogMessages.encode(e)));
                } else {
                    int kind = (i / 2) % kinds.size();
                    // the last kind is a valid entry under another dataset's key
                    String key = kind == kinds.size() - 1 ? "20.500.12345/not-this-one" : sample.dataset().pid();
                    raw.send(new ProducerRecord<>(topic, key, kinds.get(kind)));
                }
            }
            raw.flush();
        }
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            SciCowConsumer cow = new SciCowConsumer(broker.bootstrap(), topic, "scicow-" + topic, store);
            Thread t = Thread.ofPlatform().name("scicow-garbage").start(cow);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while ((cow.stored() < good || cow.deadLettered() < bad) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            cow.close();
            t.join(10_000);
            assertEquals(bad, cow.deadLettered(), "every bad message dead-lettered, no good one");
            assertEquals(good, store.countDatasets(), "every good message stored");
        }
        List<String> reasons = deadLetterReasons(topic, bad);
        assertEquals(bad, reasons.size(), "all 10,000 on the dead-letter topic");
        for (String expected : List.of("not JSON", "empty message", "format is other", "version 99", "no dataset",
                "not a valid SciCat dataset", "is not the dataset's pid")) {
            assertTrue(reasons.stream().anyMatch(r -> r.contains(expected)),
                    expected + " among " + new java.util.TreeSet<>(reasons));
        }
    }

    private static List<String> deadLetterReasons(String topic, int expected) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()))) {
            consumer.subscribe(List.of(CatalogMessages.deadLetterTopic(topic)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
