package org.scizoo.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apache Kafka 4.3 broker (KRaft, broker and controller in one) in its own JVM, from the jars
 * releng/org.scizoo.peers.kafka copies from Maven Central (system property {@code scizoo.kafka.libs}).
 * Formatted in a fresh folder, started, and killed when closed.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(60);
    private final Process process;
    private final int port;

    public KafkaBroker(Path dir) throws IOException, InterruptedException {
        String libs = System.getProperty("scizoo.kafka.libs");
        if (libs == null || !Files.isDirectory(Path.of(libs))) {
            throw new IllegalStateException("scizoo.kafka.libs (" + libs + ") is not the broker's jar folder;"
                    + " build releng/org.scizoo.peers.kafka first (the full build does)");
        }
        port = freePort();
        int controller = freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n", List.of("process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0", "num.partitions=3", "")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = libs + "/*";
        Process format = new ProcessBuilder(java, "-cp", cp, "kafka.tools.StorageTool", "format", "-t",
                "MkU3OEVBNTcwNTJENDM2Qk", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile()).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: "
                    + Files.readString(dir.resolve("format.log")));
        }
        process = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, "kafka.Kafka", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        long deadline = System.nanoTime() + READY.toNanos();
        while (!accepting(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the Kafka broker did not start: " + Files.readString(dir.resolve("broker.log")));
            }
            Thread.sleep(100);
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    private static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
