package org.scizoo.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.tests.support.EmbeddedStoreServer;
import org.scizoo.tests.support.FreePorts;
import org.scizoo.tests.support.KafkaBroker;
import org.scizoo.tests.support.SampleEntries;
import org.scizoo.tests.support.ScizooProcess;
import org.scizoo.transport.kafka.KafkaMetadataTransport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code scizoo consume} and {@code scizoo ingest} as services, in processes of their own: settings from a
 * --config file, SIGTERM finishing the work in hand, and the exit codes docs/operators.md documents.
 */
class HeadlessServicesTest {

    @TempDir
    Path dir;

    @Test
    void consumeTakesItsSettingsFromAConfigFileAndStopsCleanlyOnSigterm() throws Exception {
        Path log = dir.resolve("consume.log");
        try (EmbeddedStoreServer db = new EmbeddedStoreServer(dir.resolve("db.mv"));
                KafkaBroker broker = new KafkaBroker(
                        Files.createDirectories(Path.of("target", "kafka-svc-" + System.nanoTime())));
                MongoClient client = MongoClients.create(db.uri())) {
            String topic = broker.createTopic("scizoo.svc." + System.nanoTime());
            Path config = dir.resolve("scicow.properties");
            Files.writeString(config,
                    String.join("\n", "# SciCow on the beamline server", "kafka = " + broker.bootstrap(),
                            "topic = " + topic, "group = scicow-svc", "mongo-uri = " + db.uri(), "status-every = 1s",
                            ""));
            Process cow = ScizooProcess.start(dir, log, "consume", "--config", config.toString());
            try {
                stopWithSigterm(cow, client, broker, topic);
            } finally {
                cow.destroyForcibly(); // a failed wait must not leave it running
            }
            String out = Files.readString(log);
            assertEquals(143, cow.exitValue(), "the exit code of a service stopped by SIGTERM: " + out);
            assertTrue(out.contains("consuming " + topic), "settings from the file: " + out);
            assertTrue(out.contains("status: stored"), "status lines every second: " + out);
            assertTrue(out.contains("stopped by a signal: stored 500 datasets"), out);
            assertEquals(500, client.getDatabase("scicat").getCollection("Dataset").countDocuments());
        }
    }

    /** Sends 500 datasets, waits until SciCow stored them, and stops it with SIGTERM. */
    private static void stopWithSigterm(Process cow, MongoClient client, KafkaBroker broker, String topic)
            throws Exception {
        try (KafkaMetadataTransport t = new KafkaMetadataTransport(broker.bootstrap(), topic, Map.of(), e -> {})) {
            for (int i = 0; i < 500; i++) {
                t.publish(SampleEntries.entry(i));
            }
            t.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (client.getDatabase("scicat").getCollection("Dataset").countDocuments() < 500
                && System.nanoTime() < deadline && cow.isAlive()) {
            Thread.sleep(100);
        }
        cow.destroy(); // SIGTERM
        assertTrue(cow.waitFor(30, TimeUnit.SECONDS), "stops within 30 s of SIGTERM");
    }

    @Test
    void ingestAnswersHealthChecksAndPrintsStatusLines() throws Exception {
        int port = FreePorts.next();
        Path log = dir.resolve("ingest-health.log");
        Process p = ScizooProcess.start(dir, log, "ingest", "--sim", "--sim-interval", "300ms", "--quiet",
                "--status-every", "1s", "--health-port", Integer.toString(port), "--data",
                dir.resolve("beamline").toString());
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/health")).build();
            String body = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!body.matches("(?s).*\"delivered\": [1-9].*") && System.nanoTime() < deadline) {
                try {
                    java.net.http.HttpResponse<String> r = http.send(get,
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    body = r.statusCode() + " " + r.body();
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            assertTrue(body.startsWith("200 ") && body.contains("\"status\": \"up\"") && body.contains("\"waiting\""),
                    body + "\n" + Files.readString(log));
            while (!Files.readString(log).contains("status: up,") && System.nanoTime() < deadline) {
                Thread.sleep(200); // a status line every second
            }
        } finally {
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        String out = Files.readString(log);
        assertTrue(out.contains("status: up,") && out.contains("delivered"), out);
        assertEquals(143, p.exitValue(), out);
    }

    /** An analyser's share unmounted under SciFly: the health check says so until it is back. */
    @Test
    void ingestReportsAWatchedFolderThatIsGoneAsTroubleUntilItIsBack() throws Exception {
        int port = FreePorts.next();
        Path watched = Files.createDirectories(dir.resolve("analyser"));
        Path away = dir.resolve("analyser.unmounted");
        Path log = dir.resolve("ingest-watch.log");
        Process p = ScizooProcess.start(dir, log, "ingest", "--watch", watched.toString(), "--quiet",
                "--status-every", "1s", "--health-port", Integer.toString(port), "--data",
                dir.resolve("beamline").toString());
        try {
            String up = awaitHealth(port, "200 ", log);
            assertTrue(up.contains("\"sourcesDown\": []"), up);
            Files.move(watched, away);
            String trouble = awaitHealth(port, "503 ", log);
            assertTrue(trouble.contains("\"status\": \"trouble\"") && trouble.contains("cannot walk " + watched)
                    && trouble.contains("\"sourcesDown\": [\"SciFly " + watched + "\"]"), trouble);
            awaitLog(log, "SOURCE DOWN: SciFly " + watched);
            Files.move(away, watched);
            awaitHealth(port, "200 ", log);
            awaitLog(log, "the folder can be walked again");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        String out = Files.readString(log);
        assertEquals(143, p.exitValue(), out);
        assertEquals(1, out.split("scizoo ingest: SciFly [^\n]*cannot walk", -1).length - 1,
                "the folder's absence said once on stderr, not at every walk: " + out);
    }

    /** GETs the health endpoint until its answer starts with {@code status} ("200 ", "503 "); returns it. */
    private static String awaitHealth(int port, String status, Path log) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/health")).build();
        String body = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!body.startsWith(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + status + "from the health endpoint in 60 s; last: " + body + "\n"
                        + Files.readString(log));
            }
            try {
                java.net.http.HttpResponse<String> r = http.send(get,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                body = r.statusCode() + " " + r.body();
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return body;
    }

    private static void awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not in the output within 30 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aConfigFileWithAnUnknownSettingIsAUsageError() throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "kafka = localhost:9092\nmongo_uri = mongodb://db/scicat\n");
        Path log = dir.resolve("bad.log");
        Process p = ScizooProcess.start(dir, log, "consume", "--config", config.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("unknown setting 'mongo_uri'") && out.contains("mongo-uri"), out);
    }

    @Test
    void ingestStoppedWithTheBrokerAwayExitsThreeAndKeepsTheDatasets() throws Exception {
        int nobody = FreePorts.next();
        Path log = dir.resolve("ingest.log");
        Path data = dir.resolve("beamline");
        Process p = ScizooProcess.start(dir, log, "ingest", "--sim", "--sim-interval", "200ms", "--duration", "3s",
                "--quiet", "--kafka", "127.0.0.1:" + nobody, "--data", data.toString());
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.matches("(?s).*stopped with \\d+ datasets not yet delivered.*"), out);
        try (var files = Files.list(data.resolve("outbox").resolve("scizoo.catalog.v1"))) {
            assertTrue(files.findAny().isPresent(), "the undelivered datasets are kept in the outbox");
        }
    }
}
