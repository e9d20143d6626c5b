package org.scizoo.tests.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.scizoo.core.ports.SciCatLogin;

/**
 * The real SciCat backend 4.5.0 ({@code node dist/main}, built by {@code releng/org.scizoo.peers.scicat}) on a
 * MongoDB URI, on a port of its own, with functional accounts: {@link #ADMIN} (who sees everything),
 * {@link #INGESTOR} (SciCow's account: in {@code ADMIN_GROUPS} too, as it must read back every dataset it writes),
 * and two users who see their group's datasets and public ones: {@link #ALICE} in
 * {@link #ALICE_GROUP}, {@link #BOB} in {@link #BOB_GROUP}. Its output goes to {@code scicat.log} in the given
 * folder. Closing it kills it.
 */
public final class SciCatBackend implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String INGESTOR = "ingestor";
    public static final String ALICE = "alice";
    public static final String ALICE_GROUP = "20250042";
    public static final String BOB = "bob";
    public static final String BOB_GROUP = "20250099";
    private static final Map<String, String> PASSWORDS = Map.of(ADMIN, "scizoo-admin-pw", INGESTOR,
            "scizoo-ingestor-pw", ALICE, "alice-pw", BOB, "bob-pw");
    private static final Duration START = Duration.ofSeconds(120);
    private static final int STARTS = 3;

    private final ProcessBuilder command;
    private Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SciCatBackend(Path work, String mongoUri) throws IOException, InterruptedException {
        this(work, mongoUri, Map.of());
    }

    /** With more of SciCat's settings in its environment (an LDAP server's, say). */
    public SciCatBackend(Path work, String mongoUri, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("scizoo.scicat.dir", "missing"));
        if (!Files.isRegularFile(dir.resolve("dist/main.js"))) {
            throw new IllegalStateException("SciCat's backend is not built in " + dir
                    + " (releng/org.scizoo.peers.scicat builds it when tests run)");
        }
        Files.createDirectories(work);
        Path accounts = work.resolve("functionalAccounts.json");
        Files.writeString(accounts, "[" + account(ADMIN, "admin", true) + "," + account(INGESTOR, "ingestor", true)
                + "," + account(ALICE, ALICE_GROUP, false) + "," + account(BOB, BOB_GROUP, false) + "]");
        port = FreePorts.next();
        log = work.resolve("scicat.log");
        ProcessBuilder pb = new ProcessBuilder("node", "dist/main").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("MONGODB_URI", mongoUri);
        env.put("PORT", Integer.toString(port));
        env.put("JWT_SECRET", "scizoo-tests-jwt-secret");
        env.put("JWT_EXPIRES_IN", "3600");
        env.put("EXPRESS_SESSION_SECRET", "scizoo-tests-session");
        env.put("FUNCTIONAL_ACCOUNTS_FILE", accounts.toString());
        env.put("ADMIN_GROUPS", "admin,ingestor");
        env.put("CREATE_DATASET_GROUPS", "#all"); // SciCat's default: users write to their own groups' datasets
        env.put("DATASET_CREATION_VALIDATION_ENABLED", "false");
        env.put("PID_PREFIX", "20.500.12345");
        env.put("DOI_PREFIX", "10.5072");
        env.put("NO_COLOR", "1");
        env.putAll(settings);
        command = pb;
        start();
    }

    /**
     * Starts it again after {@link #stop()}, on the same port and store. SciCat exits when a start-up query
     * fails; mongo-java-server rarely answers one of its many concurrent start-up commands with "Unknown error:
     * null" (seen once in CI, not in 45 starts here, loaded or not), so a start that ends on a MongoServerError
     * is tried again, up to {@link #STARTS} times, each said on stderr.
     */
    public synchronized void start() throws IOException, InterruptedException {
        for (int attempt = 1; process == null || !process.isAlive(); attempt++) {
            process = command.start();
            try {
                awaitHealthy();
            } catch (EndedAtStart e) {
                if (attempt >= STARTS || !e.getMessage().contains("MongoServerError")) {
                    throw e;
                }
                System.err.println("SciCat's start " + attempt + " of " + STARTS + " failed on the store, again: "
                        + e.getMessage().lines().filter(l -> l.contains("MongoServerError")).findFirst().orElse(""));
            }
        }
    }

    /** SciCat's process ended before it answered its health check. */
    private static final class EndedAtStart extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        EndedAtStart(String message) {
            super(message);
        }
    }

    /** SciCat goes away (its clients' connections are refused) until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String account(String name, String role, boolean global) {
        return new Document("username", name).append("email", name + "@scizoo.test")
                .append("password", PASSWORDS.get(name)).append("role", role).append("global", global).toJson();
    }

    public static String password(String user) {
        return PASSWORDS.get(user);
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new EndedAtStart("SciCat ended at its start (exit " + process.exitValue() + "): " + tail());
            }
            try {
                if (send("GET", "/v3/health", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("SciCat did not answer /api/v3/health within " + START + ": " + tail());
    }

    /** The MongoDB URI of the embedded store opened in {@code data}, for SciCat to run on. */
    public static String storeUri(Path data) throws IOException {
        return "mongodb://127.0.0.1:" + Files.readString(data.resolve("catalog.port")).strip() + "/scicat";
    }

    /** A functional account's login here (its password, SciCat's local login first). */
    public SciCatLogin loginOf(String user) {
        return SciCatLogin.of(url(), user, PASSWORDS.get(user), null, false);
    }

    /** An anonymous reader's. */
    public SciCatLogin anonymous() {
        return SciCatLogin.of(url(), null, null, null, false);
    }

    /** The API's root, {@code http://127.0.0.1:PORT/api}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/api";
    }

    /** A functional account's token, from {@code POST /api/v3/auth/login}. */
    public String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/v3/auth/login", null,
                new Document("username", user).append("password", PASSWORDS.get(user)).toJson());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("SciCat refused the login of " + user + ": " + r.statusCode() + " "
                    + r.body());
        }
        return Document.parse(r.body()).getString("access_token");
    }

    /** {@code method url()+path}, with the token if not null and a JSON body if not null. */
    public HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON answer that must be 2xx: an object, or an array as {@code {"r": [...]}}. */
    public Document json(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, token, body);
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        String text = r.body().strip();
        return Document.parse(text.startsWith("[") ? "{\"r\": " + text + "}" : text);
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The last lines SciCat printed, for a failure's message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
