package org.scizoo.scicat.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.tests.support.OsgiServices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Answers the real SciCat does not give on cue (the SciCat tests cover those it does: 403, 404, a wrong
 * password, a bad token): a server on loopback answers as a SciCat behind a broken proxy or in trouble
 * would, and each answer is one clear message naming the server and what went wrong, never a parse error
 * or a stack trace.
 */
class SciCatBadAnswersTest {

    @TempDir
    static Path dir;
    private static HttpServer server;
    private static volatile Answer answer;
    private static CatalogStoreProvider stores;

    private record Answer(int status, String contentType, String body) {
    }

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        stores = OsgiServices.get(CatalogStoreProvider.class);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", SciCatBadAnswersTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        Answer a = answer;
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", a.contentType());
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aLoginThatExpiredOrIsMissingSaysLogInAgain() {
        assertSays(401, "application/json", "{\"statusCode\":401,\"message\":\"Unauthorized\"}", null,
                "not logged in, or the login has expired (401); log in again");
    }

    @Test
    void aRefusedRequestGivesSciCatsValidationMessages() {
        assertSays(422, "application/json",
                "{\"statusCode\":422,\"message\":[\"limits.limit must be a number\",\"where is invalid\"]}", null,
                "(422): limits.limit must be a number; where is invalid");
        assertSays(400, "application/json", "{\"statusCode\":400,\"message\":\"Invalid filter\"}", null,
                "(400): Invalid filter");
    }

    @Test
    void aServerErrorIsSaidWithItsMessage() {
        assertSays(500, "application/json", "{\"statusCode\":500,\"message\":\"Internal server error\"}", null,
                "failed on GET /v4/datasets/public/count");
        assertSays(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", null,
                "(502): an HTML page, not SciCat's JSON");
    }

    @Test
    void htmlOrBrokenJsonInsteadOfSciCatsJsonIsNotSciCat() {
        assertSays(200, "text/html", "<!doctype html><html><body>Welcome to nginx!</body></html>", null,
                "This is not a SciCat API at " + url() + ": GET /v4/datasets/public/count answered 200 with text/html");
        assertSays(200, "application/json", "{\"count\": 3", null, "instead of SciCat's JSON");
    }

    @Test
    void aLoginAnsweredWithAServerErrorIsNotAWrongPassword() {
        assertSays(500, "application/json", "{\"statusCode\":500,\"message\":\"LDAP server unreachable\"}", "alice",
                "failed on the login (500): LDAP server unreachable");
        assertSays(401, "application/json", "{\"statusCode\":401,\"message\":\"Unauthorized\"}", "alice",
                "refused the login (wrong user name or password)");
    }

    /** SciCat's token expired mid-session: the adapter logs in again with the password and goes on. */
    @Test
    void anExpiredTokenIsRenewedWithThePasswordAndTheReadGoesOn() throws Exception {
        java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();
        server.removeContext("/");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.endsWith("/auth/login")) {
                answer = new Answer(201, "application/json", "{\"access_token\": \"token-" + logins.incrementAndGet()
                        + "\"}");
            } else if (!("Bearer token-" + logins.get()).equals(auth) || logins.get() < 2) {
                answer = new Answer(401, "application/json", "{\"statusCode\":401,\"message\":\"Unauthorized\"}");
            } else {
                answer = new Answer(200, "application/json", "{\"count\": 7}");
            }
            answer(exchange);
        });
        try (var store = stores.open(new BackendSettings(dir.resolve("unused"), null, Duration.ofSeconds(2))
                .withSciCat(SciCatLogin.of(url(), "alice", "pw", null, false)))) {
            org.junit.jupiter.api.Assertions.assertEquals(7, store.countDatasets(), "read after a new login");
            org.junit.jupiter.api.Assertions.assertEquals(2, logins.get(), "logged in again once");
        } finally {
            server.removeContext("/");
            server.createContext("/", SciCatBadAnswersTest::answer);
        }
    }

    private static void assertSays(int status, String type, String body, String user, String expected) {
        answer = new Answer(status, type, body);
        SciCatLogin login = SciCatLogin.of(url(), user, user == null ? null : "pw", null, false);
        CatalogException e = assertThrows(CatalogException.class, () -> stores.open(
                new BackendSettings(dir.resolve("unused"), null, Duration.ofSeconds(2)).withSciCat(login)));
        assertTrue(e.getMessage().contains(expected)
                && e.getMessage().contains("127.0.0.1:" + server.getAddress().getPort()),
                status + " " + type + ": " + e.getMessage());
    }

    private static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }
}
