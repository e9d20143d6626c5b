package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.headless.tests.CliTest.Run;
import org.scizoo.tests.support.KafkaBroker;

/** The shared backend from the command line: scizoo ingest --kafka, scizoo consume, scizoo catalog list. */
class KafkaEndToEndTest {

    @TempDir
    Path dir;

    /** Asks GET /health until its JSON contains {@code expected}; returns the last answer. */
    private static String awaitHealth(int port, String expected) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/health")).build();
        String last = "(no answer)";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                java.net.http.HttpResponse<String> r = http.send(get,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.body().contains(expected)) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // the endpoint is not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the health endpoint never said " + expected + "; last: " + last);
    }

    @Test
    void simulatedScansThroughKafkaAreAllInTheCatalogue() throws Exception {
        try (KafkaBroker broker = new KafkaBroker(
                Files.createDirectories(Path.of("target", "kafka-e2e-" + System.nanoTime())))) {
            String topic = broker.createTopic("scizoo.e2e." + System.nanoTime());
            Run ingest = CliTest.run("ingest", "--sim", "--sim-interval", "200ms", "--duration", "3s", "--kafka",
                    broker.bootstrap(), "--topic", topic, "--quiet", "--data", dir.resolve("beamline").toString());
            assertEquals(0, ingest.exit(), ingest.err());
            Matcher m = Pattern.compile("sent (\\d+) datasets").matcher(ingest.out());
            assertTrue(m.find(), ingest.out());
            int sent = Integer.parseInt(m.group(1));
            assertTrue(sent >= 5, "sent " + sent);

            String catalogue = dir.resolve("catalogue").toString();
            int healthPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                healthPort = s.getLocalPort();
            }
            Run[] result = new Run[1];
            Thread consumer = Thread.ofPlatform().start(() -> {
                try {
                    result[0] = CliTest.run("consume", "--kafka", broker.bootstrap(), "--topic", topic, "--duration",
                            "8s", "--status-every", "2s", "--health-port", Integer.toString(healthPort), "--data",
                            catalogue);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String health = awaitHealth(healthPort, "\"stored\": " + sent);
            assertTrue(health.contains("\"status\": \"up\""), health);
            consumer.join(30_000);
            Run consume = result[0];
            assertEquals(0, consume.exit(), consume.err());
            assertTrue(consume.out().contains("stored " + sent + " datasets, 0 messages to the dead-letter topic"),
                    consume.out());
            assertTrue(consume.out().contains("status: stored"), "periodic status lines: " + consume.out());

            Run list = CliTest.run("catalog", "list", "--all", "--data", catalogue);
            assertTrue(list.out().startsWith(sent + " of " + sent + " datasets"), list.out());
        }
    }
}
