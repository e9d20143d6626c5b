package org.scizoo.scicat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.headless.Args;
import org.scizoo.tests.support.Committed;
import org.scizoo.tests.support.EmbeddedStoreServer;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.tests.support.SciCatBackend;
import org.scizoo.tests.support.ScizooProcess;
import org.scizoo.transport.kafka.CatalogMessages;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * SciCow writing through the real SciCat 4.5.0 as its ingestor ({@code scizoo consume --scicat URL
 * --scicat-user ingestor}, a JVM of its own): each dataset and its datablock stored once, replayed or
 * killed with SIGKILL mid-stream; a later version of a scan written over the first; an entry SciCat refuses
 * on the dead-letter topic with SciCat's message; SciCat away, nothing committed until it is back.
 */
class SciCatSinkTest {

    @TempDir
    static Path dir;
    private static EmbeddedStoreServer db;
    private static SciCatBackend scicat;
    private static KafkaBroker broker;
    private static MongoClient client;
    private static MongoDatabase store;
    private static int topics;

    @BeforeAll
    static void peers() throws Exception {
        db = new EmbeddedStoreServer(dir.resolve("db.mv"));
        scicat = new SciCatBackend(dir.resolve("scicat"), db.uri());
        broker = new KafkaBroker(Files.createDirectories(Path.of("target", "kafka-scicat-" + System.nanoTime())));
        client = MongoClients.create(db.uri());
        store = client.getDatabase("scicat");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] { client, broker, scicat, db }) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    @Test
    void killedTwiceAndReplayedEveryDatasetIsInSciCatOnceWithItsDatablock() throws Exception {
        int n = 200;
        String topic = broker.createTopic("scizoo.scicat.kill." + (++topics));
        publish(topic, range(0, n, 1));
        Path log = dir.resolve("kill.log");
        for (int kill = 1; kill <= 2; kill++) {
            Process cow = consume(topic, "scicow", log);
            try {
                awaitDatasets(prefixCount(n), 50L * kill, cow, log, Duration.ofSeconds(120));
            } finally {
                cow.destroyForcibly(); // SIGKILL mid-stream: what was written is not committed
                cow.waitFor();
            }
        }
        Process last = consume(topic, "scicow", log);
        awaitDatasets(prefixCount(n), n, last, log, Duration.ofSeconds(180));
        Committed committed = Committed.awaitEnd(broker.bootstrap(), topic, "scicow", Duration.ofSeconds(60));
        stopGently(last);
        assertTrue(committed.atEnd(), "the group committed the whole topic: " + committed);
        // a new group reads the whole topic again: every message replayed
        Process replay = consume(topic, "scicow-replay", log);
        Committed replayed = Committed.awaitEnd(broker.bootstrap(), topic, "scicow-replay", Duration.ofSeconds(180));
        stopGently(replay);
        assertTrue(replayed.atEnd(), "the replay went through the whole topic: " + replayed + "\n" + tail(log));
        assertEquals(n, prefixCount(n).get(), "each dataset once");
        assertEquals(n, prefixCount("OrigDatablock", "datasetId", n).get(), () -> "each datablock once: "
                + twice());
        Document one = store.getCollection("Dataset").find(new Document("_id", SampleEntries.entry(7).dataset()
                .pid())).first();
        assertEquals("ingestor", one.getString("createdBy"), "written by SciCat for its ingestor: " + one.toJson());
        assertTrue(one.get("datasetlifecycle") != null, "SciCat's own lifecycle");
    }

    @Test
    void aLaterVersionOfAScanIsWrittenOverTheFirstAndARefusedEntryGoesToTheDeadLetterTopic() throws Exception {
        String topic = broker.createTopic("scizoo.scicat.versions." + (++topics));
        broker.createTopic(CatalogMessages.deadLetterTopic(topic));
        CatalogEntry first = SampleEntries.entry(5000, 1);
        CatalogEntry later = SampleEntries.entry(5000, 2);
        Dataset bad = SampleEntries.entry(5001).dataset().toBuilder().ownerEmail("not an e-mail")
                .build();
        CatalogEntry refused = new CatalogEntry(bad, SampleEntries.entry(5001).datablocks());
        publish(topic, List.of(first, refused, later, SampleEntries.entry(5002)));
        Path log = dir.resolve("versions.log");
        Process cow = consume(topic, "scicow-v", log);
        Committed committed = Committed.awaitEnd(broker.bootstrap(), topic, "scicow-v", Duration.ofSeconds(90));
        stopGently(cow);
        assertTrue(committed.atEnd(), committed + "\n" + tail(log));
        Document stored = store.getCollection("Dataset").find(new Document("_id", first.dataset().pid())).first();
        assertEquals("version 2", stored.getString("description"), "the later version is SciCat's now");
        assertEquals(1, store.getCollection("OrigDatablock").countDocuments(new Document("datasetId",
                first.dataset().pid())));
        assertTrue(store.getCollection("Dataset").find(new Document("_id", bad.pid())).first() == null);
        assertTrue(store.getCollection("Dataset").find(new Document("_id", SampleEntries.entry(5002).dataset()
                .pid())).first() != null, "the entry after the refused one is stored");
        List<String> reasons = deadLetterReasons(topic);
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains(bad.pid()) && reasons.get(0).contains("ownerEmail"), reasons.get(0));
    }

    @Test
    void whileSciCatIsAwayNothingIsCommittedAndEverythingLandsWhenItIsBack() throws Exception {
        String topic = broker.createTopic("scizoo.scicat.outage." + (++topics));
        Path log = dir.resolve("outage.log");
        Process cow = consume(topic, "scicow-o", log);
        try {
            awaitLog(log, "consuming " + topic, cow);
            scicat.stop();
            List<CatalogEntry> entries = range(6000, 6050, 1);
            publish(topic, entries);
            Thread.sleep(5_000);
            Committed during = Committed.awaitEnd(broker.bootstrap(), topic, "scicow-o", Duration.ZERO);
            assertTrue(during.committed().values().stream().allMatch(o -> o == 0), "nothing committed: " + during);
            assertTrue(tail(log).contains("retrying, nothing committed"), tail(log));
            scicat.start();
            Committed after = Committed.awaitEnd(broker.bootstrap(), topic, "scicow-o", Duration.ofSeconds(90));
            assertTrue(after.atEnd(), after + "\n" + tail(log));
            for (CatalogEntry e : entries) {
                assertTrue(store.getCollection("Dataset").find(new Document("_id", e.dataset().pid())).first() != null,
                        e.dataset().pid() + " is stored");
            }
        } finally {
            scicat.start();
            stopGently(cow);
        }
    }

    /** The datablocks of datasets that have more than one, for a failure's message. */
    private static String twice() {
        Map<String, List<String>> blocks = new java.util.TreeMap<>();
        for (Document b : store.getCollection("OrigDatablock").find()) {
            blocks.computeIfAbsent(b.getString("datasetId"), k -> new ArrayList<>())
                    .add(b.get("_id") + " at " + b.get("createdAt"));
        }
        blocks.values().removeIf(l -> l.size() < 2);
        return blocks.toString();
    }

    private static List<CatalogEntry> range(int from, int to, int version) {
        List<CatalogEntry> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(SampleEntries.entry(i, version));
        }
        return out;
    }

    private static void publish(String topic, List<CatalogEntry> entries) throws Exception {
        try (KafkaMetadataTransport t = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), x -> {
        }, e -> {
        })) {
            for (CatalogEntry e : entries) {
                t.publish(e);
            }
            t.flush();
        }
    }

    private static Process consume(String topic, String group, Path log) throws Exception {
        return ScizooProcess.start(dir, log, Map.of(Args.SCICAT_PASSWORD_ENV,
                SciCatBackend.password(SciCatBackend.INGESTOR)), "consume", "--kafka", broker.bootstrap(), "--topic",
                topic, "--group", group, "--status-every", "1s", "--scicat", scicat.url(), "--scicat-user",
                SciCatBackend.INGESTOR, "--data", dir.resolve("unused").toString());
    }

    /** The datasets of the kill test (pids 20.500.12345/kafka-0 … kafka-(n-1)) stored so far. */
    private static Supplier<Long> prefixCount(int n) {
        return prefixCount("Dataset", "_id", n);
    }

    /** The documents of {@code collection} whose {@code field} is the pid of one of the kill test's datasets. */
    private static Supplier<Long> prefixCount(String collection, String field, int n) {
        return () -> {
            long c = 0;
            for (Document d : store.getCollection(collection).find(new Document(field, new Document("$regex",
                    "^20\\.500\\.12345/kafka-\\d+$"))).projection(new Document(field, 1))) {
                int i = Integer.parseInt(d.getString(field).substring("20.500.12345/kafka-".length()));
                c += i < n ? 1 : 0;
            }
            return c;
        };
    }

    private static void awaitDatasets(Supplier<Long> count, long atLeast, Process cow, Path log, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.get() < atLeast) {
            if (!cow.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the consumer " + (cow.isAlive() ? "stalled" : "died") + " at "
                        + count.get() + " datasets:\n" + tail(log));
            }
            Thread.sleep(200);
        }
    }

    private static void awaitLog(Path log, String line, Process cow) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!tail(log).contains(line)) {
            if (!cow.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the consumer did not say '" + line + "':\n" + tail(log));
            }
            Thread.sleep(100);
        }
    }

    private static void stopGently(Process cow) throws InterruptedException {
        cow.destroy(); // SIGTERM: finishes the batch in hand
        if (!cow.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            cow.destroyForcibly();
        }
    }

    private static List<String> deadLetterReasons(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = KafkaMetadataTransport.withOwnClassLoader(
                () -> new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer()))) {
            c.subscribe(List.of(CatalogMessages.deadLetterTopic(topic)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reasons.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    reasons.add(new String(r.headers().lastHeader(CatalogMessages.REASON_HEADER).value(),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return reasons;
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
