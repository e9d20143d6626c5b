package org.scizoo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code scizoo bench-ingest}, run by {@code ./scizoo bench ingest} (which starts the broker): the same
 * messages, from the same Kafka topic, into the same kind of store (a fresh embedded store each, served by
 * this JVM), by SciCow as it is deployed ({@code scizoo consume --mongo-uri}, a JVM of its own), by a Kafka
 * Connect MongoDB sink in a JVM of its own, and — the ceiling — the store's bulk writes of the already
 * decoded entries with no Kafka at all, through the same driver and store code as SciCow. All three are
 * clients of the store's server, which commits its file on its own schedule for all of them. Each rate is
 * measured from the first document stored to the last, so neither JVM start-up nor group joining counts,
 * and so is the CPU time each process spent meanwhile: the writer's, the store's and the broker's.
 */
@Component(service = CliCommand.class)
public class BenchIngestCommand implements CliCommand {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int BATCH = 1_000;
    /** The processes whose CPU time is measured, as the benchmark names them. */
    static final String SCICOW = "SciCow";
    static final String CONNECT = "Connect";
    private static final String STORE = "store";
    private static final String WRITER_AND_STORE = "writer and store";
    private static final String BROKER = "broker";

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
                usage: scizoo bench-ingest --kafka HOST:PORT --connect-libs DIR --work DIR --scizoo PATH
                                           [--broker-pid PID] [--count N]

                Normally run by `./scizoo bench ingest`, which starts a Kafka broker and finds the Connect
                jars. Writes N scans (default 100000) to a new topic, then stores them with SciCow (`PATH
                consume`, the launcher given by --scizoo), with a Kafka Connect MongoDB sink (connect-runtime
                + mongo-kafka-connect from --connect-libs), and with the store's bulk writes alone, each into
                a fresh embedded store under --work served by this process. --broker-pid: the broker's
                process, whose CPU time is measured too.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("kafka", "connect-libs", "work", "scizoo", "broker-pid", "count"),
                Set.of());
        for (String required : List.of("kafka", "connect-libs", "work", "scizoo")) {
            if (args.value(required) == null) {
                throw new UsageException("--" + required + " is required");
            }
        }
        int count = args.intValue("count", 100_000, 1);
        String kafka = args.value("kafka");
        Path work = Path.of(args.value("work"));
        Path scizoo = Path.of(args.value("scizoo"));
        ProcessHandle broker = args.value("broker-pid") == null ? null
                : ProcessHandle.of(args.intValue("broker-pid", 0, 1)).orElse(null);
        String topic = "scizoo.bench." + System.currentTimeMillis();
        try {
            List<CatalogEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(BenchEntries.entry(i));
            }
            produce(kafka, topic, entries, out);
            // The stores' servers run in this JVM for all three writers: their code is compiled before the first
            // is timed, or SciCow (timed first) would pay for the JIT. Each writer's own code warms up while
            // it is timed, SciCow's and Connect's each in a JVM of its own.
            bulkWrites(entries.subList(0, Math.min(count, 10_000)), work.resolve("warm-up"), broker);
            Rate scicow = sciCow(scizoo, kafka, topic, count, work.resolve("scicow"), broker);
            out.println(scicow.line("SciCow (scizoo consume: 1 consumer, bulk writes into Dataset + OrigDatablock)"));
            out.println(scicow.cpuLine());
            Rate connect = new ConnectSink(Path.of(args.value("connect-libs")), work.resolve("connect-worker"))
                    .run(kafka, topic, count, stores, work.resolve("connect"), broker);
            out.println(connect.line("Kafka Connect MongoDB sink (1 task, replace-upserts into one collection)"));
            out.println(connect.cpuLine());
            Rate ceiling = bulkWrites(entries, work.resolve("raw"), broker);
            out.println(ceiling.line("store ceiling (bulk writes of decoded entries, no Kafka)"));
            out.println(ceiling.cpuLine());
            out.println();
            summary(scicow, connect, ceiling, out);
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
        try (KafkaMetadataTransport t = new KafkaMetadataTransport(kafka, topic, Map.of(), e -> {})) {
            for (CatalogEntry e : entries) {
                t.publish(e);
            }
            t.flush();
        }
        out.printf("produced %d scans to %s in %.1f s%n", entries.size(), topic, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Prints the ratios, then each goal as met or not. 3x Connect is said to be out of this store's reach when it
     * leaves less CPU a dataset on this machine than the store takes with no Kafka at all (the ceiling's writer and
     * store) plus what the broker spent serving SciCow: nothing would be left for consuming and decoding.
     */
    private static void summary(Rate scicow, Rate connect, Rate ceiling, PrintStream out) {
        // Each scan is two documents for SciCow and the ceiling (Dataset + OrigDatablock) and one for Connect.
        double cowDocs = 2 * scicow.perSecond();
        out.printf("ingest: SciCow %.0f datasets/s = %.1fx the Kafka Connect sink (%.0f/s) and %.0f%% of the"
                + " store's bulk-write ceiling (%.0f/s)%n", scicow.perSecond(),
                scicow.perSecond() / connect.perSecond(), connect.perSecond(),
                100 * scicow.perSecond() / ceiling.perSecond(), ceiling.perSecond());
        out.printf("        in documents: SciCow %.0f/s (2 a scan), Connect %.0f/s (1 a message): %.1fx%n", cowDocs,
                connect.perSecond(), cowDocs / connect.perSecond());
        out.printf("        CPU per dataset: the writer's own %.0f µs (SciCow) against %.0f µs (Connect): %.1fx less;"
                + " the store's %.0f µs against %.0f µs%n", scicow.cpuMicrosPerDocument(SCICOW),
                connect.cpuMicrosPerDocument(CONNECT),
                connect.cpuMicrosPerDocument(CONNECT) / scicow.cpuMicrosPerDocument(SCICOW),
                scicow.cpuMicrosPerDocument(STORE), connect.cpuMicrosPerDocument(STORE));
        out.printf("        the store's ceiling, with no Kafka and no decoding at all, is %.1fx the Kafka Connect"
                + " sink%n", ceiling.perSecond() / connect.perSecond());
        int cores = Runtime.getRuntime().availableProcessors();
        double threeTimes = 3 * connect.perSecond();
        double budget = cores * 1e6 / threeTimes;
        double floor = ceiling.cpuMicrosPerDocument(WRITER_AND_STORE) + scicow.cpuMicrosPerDocument(BROKER);
        out.printf("        3x Connect (%.0f/s) leaves %.0f µs of CPU a dataset on this machine's %d cores for every"
                + " process; the ceiling's writer and store took %.0f µs and the broker %.0f µs serving SciCow%n",
                threeTimes, budget, cores, ceiling.cpuMicrosPerDocument(WRITER_AND_STORE),
                scicow.cpuMicrosPerDocument(BROKER));
        String goal = scicow.perSecond() >= threeTimes ? "met"
                : floor >= budget ? "NOT met, and out of this store's reach here (nothing left of the CPU 3x Connect"
                        + " leaves for consuming and decoding)"
                : cowDocs >= threeTimes ? "met in documents only, NOT in datasets" : "NOT met";
        out.printf("goal >= 3x Connect: %s; goal >= 80%% of the ceiling: %s%n", goal,
                scicow.perSecond() >= 0.8 * ceiling.perSecond() ? "met" : "NOT met");
    }

    /**
     * SciCow as it is deployed: {@code scizoo consume --mongo-uri}, a JVM of its own, writing to the store's
     * server in this JVM, as Connect does.
     */
    private Rate sciCow(Path scizoo, String kafka, String topic, int count, Path dir, ProcessHandle broker)
            throws CatalogException, IOException, InterruptedException {
        try (CatalogStore server = stores.open(BackendSettings.embedded(dir));
                MongoClient client = MongoClients.create(EmbeddedPort.uri(dir))) {
            Path log = dir.resolve("consume.log");
            Process cow = new ProcessBuilder(scizoo.toString(), "consume", "--kafka", kafka, "--topic", topic,
                    "--group", "bench-scicow", "--mongo-uri", EmbeddedPort.uri(dir), "--status-every", "1h")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                return Rate.watch(count, counter(client, "Dataset"), TIMEOUT, cow::isAlive,
                        processes(SCICOW, cow.toHandle(), broker));
            } catch (IllegalStateException e) {
                throw new IOException("SciCow: " + e.getMessage() + "; its log: " + log, e);
            } finally {
                cow.destroy(); // SIGTERM: it finishes its batch in hand and exits
                if (!cow.waitFor(30, TimeUnit.SECONDS)) {
                    cow.destroyForcibly();
                }
            }
        }
    }

    /**
     * The ceiling: the decoded entries written in batches of SciCow's size through the same store code as
     * SciCow's (a client of the store's server, by its URI), with no Kafka and no decoding.
     */
    private Rate bulkWrites(List<CatalogEntry> entries, Path dir, ProcessHandle broker) throws CatalogException {
        try (CatalogStore server = stores.open(BackendSettings.embedded(dir));
                CatalogStore store = stores.open(new BackendSettings(dir, EmbeddedPort.uri(dir), null))) {
            Map<String, ProcessHandle> processes = withBroker(Map.of(WRITER_AND_STORE, ProcessHandle.current()),
                    broker);
            Map<String, Duration> cpu0 = Rate.cpuTimes(processes);
            long t0 = System.nanoTime();
            for (int i = 0; i < entries.size(); i += BATCH) {
                store.upsert(entries.subList(i, Math.min(entries.size(), i + BATCH)));
            }
            return new Rate(entries.size(), Duration.ofNanos(System.nanoTime() - t0),
                    Rate.spent(cpu0, Rate.cpuTimes(processes)));
        }
    }

    /** A writer in a process of its own: its CPU time, the store server's (this JVM) and the broker's are measured. */
    static Map<String, ProcessHandle> processes(String writer, ProcessHandle writerProcess, ProcessHandle broker) {
        Map<String, ProcessHandle> p = new LinkedHashMap<>();
        p.put(writer, writerProcess);
        p.put(STORE, ProcessHandle.current());
        return withBroker(p, broker);
    }

    /** {@code processes}, then the broker when its process is known. */
    private static Map<String, ProcessHandle> withBroker(Map<String, ProcessHandle> processes, ProcessHandle broker) {
        Map<String, ProcessHandle> p = new LinkedHashMap<>(processes);
        if (broker != null) {
            p.put(BROKER, broker);
        }
        return p;
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
                throw new CatalogException(
                        "the embedded store in " + dataDir + " has not said its port: " + e.getMessage(), e);
            }
        }
    }
}
