package org.scizoo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.transport.kafka.KafkaMetadataTransport;
import org.scizoo.transport.kafka.SciCowConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code scizoo bench-ingest}, run by {@code ./scizoo bench ingest} (which starts the broker): the same
 * messages, from the same Kafka topic, into the same kind of store (a fresh embedded store each), by
 * SciCow, by a Kafka Connect MongoDB sink in its own JVM, and — the ceiling — the store's bulk writes of
 * the already decoded entries with no Kafka at all. Each rate is measured from the first document
 * stored to the last, so neither JVM start-up nor group joining counts.
 */
@Component(service = CliCommand.class)
public class BenchIngestCommand implements CliCommand {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int BATCH = 1_000;

    private final CatalogStoreProvider stores;

    @Activate
    public BenchIngestCommand(@Reference CatalogStoreProvider stores) {
        this.stores = stores;
    }

    @Override
    public String name() {
        return "bench-ingest";
    }

    @Override
    public String summary() {
        return "benchmark: SciCow vs a Kafka Connect MongoDB sink vs bulk writes (see ./scizoo bench ingest)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo bench-ingest --kafka HOST:PORT --connect-libs DIR --work DIR [--count N]

                Normally run by `./scizoo bench ingest`, which starts a Kafka broker and finds the Connect
                jars. Writes N scans (default 100000) to a new topic, then stores them with SciCow, with a
                Kafka Connect MongoDB sink (connect-runtime + mongo-kafka-connect from --connect-libs), and
                with the store's bulk writes alone, each into a fresh embedded store under --work.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("kafka", "connect-libs", "work", "count"), Set.of());
        for (String required : List.of("kafka", "connect-libs", "work")) {
            if (args.value(required) == null) {
                throw new UsageException("--" + required + " is required");
            }
        }
        int count = args.intValue("count", 100_000, 1);
        String kafka = args.value("kafka");
        Path work = Path.of(args.value("work"));
        String topic = "scizoo.bench." + System.currentTimeMillis();
        try {
            List<CatalogEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(BenchEntries.entry(i));
            }
            produce(kafka, topic, entries, out);
            // The store runs in this JVM for all three writers: it is compiled before the first is timed, or
            // SciCow (timed first) would pay for the JIT. Each writer's own code warms up while it is timed.
            bulkWrites(entries.subList(0, Math.min(count, 10_000)), work.resolve("warm-up"));
            Rate scicow = sciCow(kafka, topic, count, work.resolve("scicow"));
            out.println(scicow.line("SciCow (1 consumer, bulk upserts into Dataset + OrigDatablock)"));
            Rate connect = new ConnectSink(Path.of(args.value("connect-libs")), work.resolve("connect-worker"))
                    .run(kafka, topic, count, stores, work.resolve("connect"));
            out.println(connect.line("Kafka Connect MongoDB sink (1 task, replace-upserts into one collection)"));
            Rate ceiling = bulkWrites(entries, work.resolve("raw"));
            out.println(ceiling.line("store ceiling (bulk upserts of decoded entries, no Kafka)"));
            out.println();
            // Each scan is two documents for SciCow and the ceiling (Dataset + OrigDatablock) and one for Connect.
            double cowDocs = 2 * scicow.perSecond();
            out.printf("ingest: SciCow %.0f datasets/s = %.1fx the Kafka Connect sink (%.0f/s) and %.0f%% of the"
                    + " store's bulk-write ceiling (%.0f/s)%n", scicow.perSecond(),
                    scicow.perSecond() / connect.perSecond(), connect.perSecond(),
                    100 * scicow.perSecond() / ceiling.perSecond(), ceiling.perSecond());
            out.printf("        in documents: SciCow %.0f/s (2 a scan), Connect %.0f/s (1 a message): %.1fx%n", cowDocs,
                    connect.perSecond(), cowDocs / connect.perSecond());
            out.printf("goal >= 3x Connect: %s; goal >= 80%% of the ceiling: %s%n",
                    scicow.perSecond() >= 3 * connect.perSecond() ? "met"
                            : cowDocs >= 3 * connect.perSecond() ? "met in documents only, NOT in datasets" : "NOT met",
                    scicow.perSecond() >= 0.8 * ceiling.perSecond() ? "met" : "NOT met");
            return OK;
        } catch (CatalogException | IOException e) {
            err.println("scizoo bench-ingest: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static void produce(String kafka, String topic, List<CatalogEntry> entries, PrintStream out)
            throws CatalogException, InterruptedException {
        createTopic(kafka, topic);
        long t0 = System.nanoTime();
        try (KafkaMetadataTransport t = new KafkaMetadataTransport(kafka, topic, Map.of(), e -> { })) {
            for (CatalogEntry e : entries) {
                t.publish(e);
            }
            t.flush();
        }
        out.printf("produced %d scans to %s in %.1f s%n", entries.size(), topic, (System.nanoTime() - t0) / 1e9);
    }

    private Rate sciCow(String kafka, String topic, int count, Path dir) throws CatalogException, InterruptedException {
        try (CatalogStore store = stores.open(BackendSettings.embedded(dir));
                MongoClient client = MongoClients.create(EmbeddedPort.uri(dir))) {
            SciCowConsumer cow = new SciCowConsumer(kafka, topic, "bench-scicow", store);
            Thread worker = Thread.ofPlatform().name("bench-scicow").start(cow);
            try {
                return Rate.watch(count, counter(client, "Dataset"), TIMEOUT, worker::isAlive);
            } finally {
                cow.close();
                worker.join(10_000);
            }
        }
    }

    private Rate bulkWrites(List<CatalogEntry> entries, Path dir) throws CatalogException {
        try (CatalogStore store = stores.open(BackendSettings.embedded(dir))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < entries.size(); i += BATCH) {
                store.upsert(entries.subList(i, Math.min(entries.size(), i + BATCH)));
            }
            return new Rate(entries.size(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Three partitions, made before anyone writes (as IT would), like the broker's default. */
    private static void createTopic(String kafka, String topic) throws CatalogException, InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin admin = KafkaMetadataTransport.withOwnClassLoader(() -> Admin.create(p))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new CatalogException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
        }
    }

    static LongSupplier counter(MongoClient client, String collection) {
        return () -> client.getDatabase("scicat").getCollection(collection).estimatedDocumentCount();
    }

    /** The embedded store's server port, which it writes to {@code catalog.port} in its data folder. */
    static final class EmbeddedPort {
        private EmbeddedPort() {
        }

        static String uri(Path dataDir) throws CatalogException {
            try {
                return "mongodb://127.0.0.1:" + Files.readString(dataDir.resolve("catalog.port")).strip() + "/scicat";
            } catch (IOException e) {
                throw new CatalogException("the embedded store in " + dataDir + " has not said its port: " + e.getMessage(), e);
            }
        }
    }
}
