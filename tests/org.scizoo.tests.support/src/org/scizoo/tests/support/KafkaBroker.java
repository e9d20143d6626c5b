package org.scizoo.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Kafka 4.3 broker (KRaft, broker and controller in one) in its own JVM, from the jars
 * releng/org.scizoo.peers.kafka copies from Maven Central (system property {@code scizoo.kafka.libs}).
 * Formatted in a fresh folder, started, and killed when closed. {@link #stop()} and {@link #start()} take it
 * away and bring it back on the same port with the same data, as an outage would.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(60);
    private final Path dir;
    private final Path config;
    private final int port;
    private final int saslPort;
    private Process process;

    public KafkaBroker(Path dir) throws IOException, InterruptedException {
        this(dir, Map.of());
    }

    /**
     * A broker with a second listener, SASL_PLAINTEXT with mechanism PLAIN, for these users (name → password)
     * at {@link #saslBootstrap()}; the plain listener stays for the broker itself.
     */
    public KafkaBroker(Path dir, Map<String, String> saslUsers) throws IOException, InterruptedException {
        String libs = System.getProperty("scizoo.kafka.libs");
        if (libs == null || !Files.isDirectory(Path.of(libs))) {
            throw new IllegalStateException("scizoo.kafka.libs (" + libs + ") is not the broker's jar folder;"
                    + " build releng/org.scizoo.peers.kafka first (the full build does)");
        }
        this.dir = dir;
        port = FreePorts.next();
        saslPort = saslUsers.isEmpty() ? -1 : FreePorts.next();
        int controller = FreePorts.next();
        config = dir.resolve("server.properties");
        String sasl = saslUsers.isEmpty() ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
        List<String> lines = new java.util.ArrayList<>(List.of("process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + sasl + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + sasl, "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0", "num.partitions=3"));
        if (!saslUsers.isEmpty()) {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            saslUsers.forEach(
                    (user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
            lines.add("sasl.enabled.mechanisms=PLAIN");
            lines.add("listener.name.sasl_plaintext.plain.sasl.jaas.config=" + jaas + ";");
        }
        lines.add("");
        Files.writeString(config, String.join("\n", lines));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = libs + "/*";
        Process format = new ProcessBuilder(java, "-cp", cp, "kafka.tools.StorageTool", "format", "-t",
                "MkU3OEVBNTcwNTJENDM2Qk", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile()).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: "
                    + Files.readString(dir.resolve("format.log")));
        }
        start();
    }

    /** Starts the broker (again) on its port with its data; returns once it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("broker.log");
        process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("scizoo.kafka.libs") + "/*",
                "kafka.Kafka", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + READY.toNanos();
        while (!accepting(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the Kafka broker did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** Kills the broker (as a crash or a pulled cable would); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates a topic of three partitions and waits until it is ready, as IT would before producers start;
     * producing to a topic that is still being created can wedge an idempotent producer's sequence.
     */
    public String createTopic(String name) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (org.apache.kafka.clients.admin.Admin admin = org.scizoo.transport.kafka.KafkaMetadataTransport
                .withOwnClassLoader(() -> org.apache.kafka.clients.admin.Admin.create(p))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(name, 3, (short) 1))).all().get();
            long deadline = System.nanoTime() + READY.toNanos();
            while (!ready(admin, name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " has no leaders after " + READY);
                }
                Thread.sleep(50);
            }
        }
        return name;
    }

    /** Every partition has a leader; false while the broker does not know the new topic yet. */
    private static boolean ready(org.apache.kafka.clients.admin.Admin admin, String name) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().stream()
                    .allMatch(i -> i.leader() != null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("describing topic " + name + ": " + e.getCause(), e.getCause());
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** The SASL_PLAINTEXT (PLAIN) listener's address. */
    public String saslBootstrap() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker has no SASL users");
        }
        return "127.0.0.1:" + saslPort;
    }

    private static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
