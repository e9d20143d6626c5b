package org.scizoo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

/**
 * The real SciCat backend ({@code node dist/main} in a folder where {@code releng/org.scizoo.peers.scicat}
 * built it) on a MongoDB URI, for the SciCat benchmark: functional accounts {@code staff} (in SciCat's admin
 * group: sees everything) and {@code visitor} (one proposal's group). Its output goes to {@code scicat.log} in the work folder.
 */
final class SciCatPeer implements AutoCloseable {

    static final String STAFF = "staff";
    static final String VISITOR = "visitor";
    private static final Map<String, String> PASSWORDS = Map.of(STAFF, "bench-staff-pw", VISITOR,
            "bench-visitor-pw");
    private static final Duration START = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    SciCatPeer(Path built, Path work, String mongoUri, String visitorGroup) throws IOException, InterruptedException {
        if (!Files.isRegularFile(built.resolve("dist/main.js"))) {
            throw new IOException("SciCat's backend is not built in " + built + " (run ./scizoo build)");
        }
        Files.createDirectories(work);
        Path accounts = work.resolve("functionalAccounts.json");
        Files.writeString(accounts, "[" + account(STAFF, "admin", true) + "," + account(VISITOR, visitorGroup,
                false) + "]");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = work.resolve("scicat.log");
        ProcessBuilder pb = new ProcessBuilder("node", "dist/main").directory(built.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("MONGODB_URI", mongoUri);
        env.put("PORT", Integer.toString(port));
        env.put("JWT_SECRET", "scizoo-bench-jwt-secret");
        env.put("EXPRESS_SESSION_SECRET", "scizoo-bench-session");
        env.put("FUNCTIONAL_ACCOUNTS_FILE", accounts.toString());
        env.put("ADMIN_GROUPS", "admin");
        env.put("CREATE_DATASET_GROUPS", "#all"); // SciCat's default: users write to their own groups' datasets
        env.put("NO_COLOR", "1");
        process = pb.start();
        awaitHealthy();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/api";
    }

    static String password(String user) {
        return PASSWORDS.get(user);
    }

    private static String account(String name, String role, boolean global) {
        return new Document("username", name).append("email", name + "@scizoo.bench")
                .append("password", PASSWORDS.get(name)).append("role", role).append("global", global).toJson();
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("SciCat ended at its start (exit " + process.exitValue() + "): " + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/v3/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        close();
        throw new IOException("SciCat did not answer /api/v3/health within " + START + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
