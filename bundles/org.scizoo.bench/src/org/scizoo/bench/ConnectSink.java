package org.scizoo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The baseline: Kafka Connect standalone in its own JVM with MongoDB's sink connector, configured as one
 * would for this topic: string keys, schemaless JSON values, the message's {@code pid} renamed to the
 * document's {@code _id} (Kafka's ReplaceField transform) and replace-upserts (idempotent, like SciCow), one task, and polls of up to 1,000 records
 * (SciCow's batch). It writes each message as one document into collection {@code ConnectSink}.
 */
final class ConnectSink {

    static final String COLLECTION = "ConnectSink";

    private final Path libs;
    private final Path dir;

    ConnectSink(Path libs, Path dir) {
        this.libs = libs;
        this.dir = dir;
    }

    /** @param broker the Kafka broker's process, whose CPU time is measured with the sink's and the store's */
    Rate run(String kafka, String topic, long count, CatalogStoreProvider stores, Path storeDir,
            ProcessHandle broker) throws IOException, CatalogException, InterruptedException {
        boolean runtime;
        try (var jars = Files.newDirectoryStream(libs, "connect-runtime-*.jar")) {
            runtime = jars.iterator().hasNext();
        } catch (java.nio.file.NoSuchFileException e) {
            runtime = false;
        }
        if (!runtime) {
            throw new IOException(
                    libs + " does not hold Kafka's connect-runtime (build releng/org.scizoo.peers.connect)");
        }
        Files.createDirectories(dir);
        // Opening the embedded store starts its server, which Connect writes to; it is closed afterwards.
        try (CatalogStore server = stores.open(BackendSettings.embedded(storeDir));
                MongoClient client = MongoClients.create(BenchIngestCommand.EmbeddedPort.uri(storeDir))) {
            Path worker = dir.resolve("worker.properties");
            Files.writeString(worker, String.join("\n", "bootstrap.servers=" + kafka,
                    "key.converter=org.apache.kafka.connect.storage.StringConverter",
                    "value.converter=org.apache.kafka.connect.json.JsonConverter",
                    "value.converter.schemas.enable=false",
                    "offset.storage.file.filename=" + dir.resolve("offsets"), "offset.flush.interval.ms=10000",
                    "consumer.max.poll.records=1000", "consumer.auto.offset.reset=earliest",
                    "plugin.discovery=only_scan", "listeners=http://127.0.0.1:0", ""));
            Path sink = dir.resolve("mongo-sink.properties");
            Files.writeString(sink, String.join("\n", "name=scicat-mongo-sink",
                    "connector.class=com.mongodb.kafka.connect.MongoSinkConnector", "tasks.max=1", "topics=" + topic,
                    "connection.uri=" + BenchIngestCommand.EmbeddedPort.uri(storeDir), "database=scicat",
                    "collection=" + COLLECTION,
                    // the pid becomes the document's _id as a plain string, as SciCow's are (a partial-value
                    // id strategy would make it a sub-document {pid: …}, which the store orders more slowly)
                    "transforms=pidAsId",
                    "transforms.pidAsId.type=org.apache.kafka.connect.transforms.ReplaceField$Value",
                    "transforms.pidAsId.renames=pid:_id",
                    "document.id.strategy=com.mongodb.kafka.connect.sink.processor.id.strategy.ProvidedInValueStrategy",
                    "writemodel.strategy=com.mongodb.kafka.connect.sink.writemodel.strategy.ReplaceOneDefaultStrategy",
                    "max.batch.size=1000", "errors.tolerance=none", ""));
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process connect = new ProcessBuilder(List.of(javaBin, "-Xmx1g", "-cp", libs + "/*",
                    "-Dlog4j.configuration=none", "org.apache.kafka.connect.cli.ConnectStandalone", worker.toString(),
                    sink.toString())).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("connect.log").toFile()).start();
            try {
                return Rate.watch(count, BenchIngestCommand.counter(client, COLLECTION),
                        java.time.Duration.ofMinutes(10), connect::isAlive,
                        BenchIngestCommand.processes(BenchIngestCommand.CONNECT, connect.toHandle(), broker));
            } catch (IllegalStateException e) {
                throw new IOException("Kafka Connect: " + e.getMessage() + "; its log: " + dir.resolve("connect.log"),
                        e);
            } finally {
                connect.destroy();
                connect.waitFor();
            }
        }
    }
}
