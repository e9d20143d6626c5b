package org.scizoo.catalog.scicat.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.json.JsonParseException;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.RejectedEntryException;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.core.scicat.SciCatWeb;

/**
 * SciCat's REST API as this client uses it: a login ({@code POST /api/v3/auth/login}, or {@code /auth/ldap}),
 * then JSON requests carrying the token. Every failure is a {@link CatalogException} whose message says what
 * happened in words a user can act on: not logged in, not allowed, not found, SciCat's own message for a
 * refused request, a server error, an answer that is not SciCat's JSON, no answer in time, nothing there.
 */
public final class SciCatApi {

    /** A request may take this many connect timeouts (5 s by default: 30 s) before it is given up. */
    private static final int REQUEST_TIMEOUTS = 6;
    private static final String JSON = "application/json";

    private final SciCatLogin login;
    private final HttpClient http;
    private final Duration timeout;
    private volatile String token;
    private volatile boolean viaLdap;
    /** Whose a given token is, as SciCat says (its {@code whoami}); null before or without one. */
    private volatile String tokenUser;

    public SciCatApi(SciCatLogin login, Duration connectTimeout) {
        this.login = login;
        this.timeout = connectTimeout.multipliedBy(REQUEST_TIMEOUTS);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.token = login.token();
    }

    /**
     * Logs in with the user and password if there are any (a token or anonymity needs none): SciCat's local
     * and functional accounts first, then its LDAP login for a user those do not know, as a facility's
     * visitors are in its directory and its services are local accounts. Once LDAP has answered, a new login
     * (after the token expired) goes there directly. {@link SciCatLogin#ldap()} asks for LDAP only.
     */
    public void logIn() throws CatalogException {
        if (login.user() == null) {
            if (token != null) {
                tokenUser = whoseToken();
            }
            return;
        }
        String body = new Document("username", login.user())
                .append("password", login.password() == null ? "" : login.password()).toJson();
        HttpResponse<String> local = null;
        if (!login.ldap() && !viaLdap) {
            local = send("POST", "/v3/auth/login", body, false);
            if (local.statusCode() / 100 == 2) {
                token = token(json(local, "the login"));
                return;
            }
        }
        // SciCat 4.5's local login answers 500 to a user its LDAP login made (no password to compare), so an
        // error there is not the last word either.
        HttpResponse<String> ldap = send("POST", "/v3/auth/ldap", body, false);
        if (ldap.statusCode() / 100 == 2) {
            token = token(json(ldap, "the LDAP login"));
            viaLdap = true;
            return;
        }
        // Without LDAP configured, SciCat answers its LDAP login with an error: a local refusal stands.
        if (refused(ldap) || (local != null && refused(local))) {
            throw new CatalogException(login.describe() + ": SciCat refused the login (wrong user name or"
                    + " password)");
        }
        json(local != null ? local : ldap, local != null ? "the login" : "the LDAP login"); // throws its reason
        throw new CatalogException(login.describe() + ": SciCat answered the login without a token");
    }

    private static boolean refused(HttpResponse<String> r) {
        return r.statusCode() == 401 || r.statusCode() == 403;
    }

    private String token(Document answer) throws CatalogException {
        String t = answer.getString("access_token");
        if (t == null) {
            t = answer.getString("id");
        }
        if (t == null) {
            throw new CatalogException(login.describe() + ": SciCat's answer to the login has no token");
        }
        return t;
    }

    public SciCatLogin login() {
        return login;
    }

    /** The login as the status line says it: with a token, the user SciCat says it is. */
    public String describe() {
        return login.describe(tokenUser);
    }

    /**
     * The user a given token is, from SciCat's {@code GET /auth/whoami}: so a token SciCat does not accept is
     * said at the start, not at the first read.
     */
    private String whoseToken() throws CatalogException {
        HttpResponse<String> r = send("GET", "/v3/auth/whoami", null, true);
        // SciCat 4.5 answers a token it cannot read with 200 and nothing (measured), others with 401 or 403
        boolean none = r.statusCode() / 100 == 2 && (r.body() == null || r.body().isBlank());
        if (none || r.statusCode() == 401 || r.statusCode() == 403) {
            throw new CatalogException(where() + " does not accept this token (" + (none ? "no user for it"
                    : r.statusCode() + ": " + message(r)) + "): it may have expired; log in on SciCat's web page"
                    + " again and give the new token");
        }
        Document me = json(r, "who the token is");
        Object name = me.get("username");
        return name instanceof String n && !n.isBlank() ? n : null;
    }

    /** A JSON object, or empty where SciCat says there is none (404, or an empty answer). */
    public Optional<Document> getObject(String path) throws CatalogException {
        return getObject(path, false);
    }

    /**
     * One item by its id, or empty when it is not there or not the user's: SciCat answers 403 for an item
     * that exists and the user may not see, which must read as "not found or not yours", never more.
     */
    public Optional<Document> getItem(String path) throws CatalogException {
        return getObject(path, true);
    }

    private Optional<Document> getObject(String path, boolean forbiddenIsAbsent) throws CatalogException {
        HttpResponse<String> r = send("GET", path, null, true);
        if (r.statusCode() == 404 || (forbiddenIsAbsent && r.statusCode() == 403)
                || (r.statusCode() / 100 == 2 && r.body().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(json(r, "GET " + route(path)));
    }

    /** A JSON array of objects. */
    public List<Document> getList(String path) throws CatalogException {
        HttpResponse<String> r = send("GET", path, null, true);
        String body = r.body() == null ? "" : r.body().strip();
        if (r.statusCode() / 100 == 2 && !body.startsWith("[")) {
            throw notSciCat(r, "GET " + route(path));
        }
        Document wrapped = json(r, "GET " + route(path), "{\"r\": " + body + "}");
        return wrapped.getList("r", Document.class);
    }

    /** What a create answered: made now, or there already (SciCat said 409). */
    public enum Created {
        CREATED, EXISTS
    }

    /**
     * {@code POST path} with a JSON body: {@link Created#EXISTS} when SciCat answers 409 (that pid is there);
     * a refusal of the body itself (400, 413, 422: SciCat's validation) is a {@link RejectedEntryException}
     * for {@code pid} with SciCat's message; anything else (not allowed, not there, a server error, no
     * answer) a {@link CatalogException}, as sending it again later may work.
     */
    public Created create(String path, Document body, String pid) throws CatalogException {
        HttpResponse<String> r = send("POST", path, body.toJson(), JSON, true);
        if (r.statusCode() == 409) {
            return Created.EXISTS;
        }
        written(r, "POST", path, pid);
        return Created.CREATED;
    }

    /** {@code POST path} with a JSON body: what SciCat made, as it answered; a refusal is said as for a read. */
    public Document post(String path, Document body) throws CatalogException {
        HttpResponse<String> r = send("POST", path, body.toJson(), JSON, true);
        return json(r, "POST " + route(path));
    }

    /**
     * {@code PATCH path} as a JSON merge patch (RFC 7396, which SciCat 4.5 applies to the stored document):
     * the fields given are written, objects key by key, what is not given stays. Failures as {@link #create}.
     */
    public void mergePatch(String path, Document body, String pid) throws CatalogException {
        written(send("PATCH", path, body.toJson(), "application/merge-patch+json", true), "PATCH", path, pid);
    }

    private void written(HttpResponse<String> r, String method, String path, String pid) throws CatalogException {
        int s = r.statusCode();
        if (s == 400 || s == 413 || s == 422) {
            throw new RejectedEntryException(pid, where() + " refused " + pid + " (" + s + "): " + message(r));
        }
        if (s / 100 != 2) {
            json(r, method + " " + route(path)); // throws, saying why
        }
    }

    /** The path with a {@code filter} query parameter. */
    public static String withFilter(String path, Document filter) {
        return path + "?filter=" + encodeQuery(filter.toJson());
    }

    /** A query parameter's value. */
    public static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String encodePath(String segment) {
        return SciCatWeb.encodeSegment(segment);
    }

    /**
     * A request; one answered 401 (the login's token expired) is sent again after a new login, when this
     * client has the user's password, so the work in hand goes on. With only a token, 401 is said instead.
     */
    private HttpResponse<String> send(String method, String path, String json, boolean withToken)
            throws CatalogException {
        return send(method, path, json, JSON, withToken);
    }

    private HttpResponse<String> send(String method, String path, String json, String contentType,
            boolean withToken) throws CatalogException {
        HttpResponse<String> r = sendOnce(method, path, json, contentType, withToken);
        if (r.statusCode() == 401 && withToken && login.user() != null && login.password() != null) {
            logIn();
            r = sendOnce(method, path, json, contentType, true);
        }
        // A read answered 5xx (SciCat starting, a proxy in front of it restarting) is asked again a little
        // later, as reading twice changes nothing; writes are not, their callers decide.
        for (long pause : READ_RETRY_PAUSES_MS) {
            if (!"GET".equals(method) || r.statusCode() / 100 != 5) {
                break;
            }
            pause(pause);
            r = sendOnce(method, path, json, contentType, withToken);
        }
        return r;
    }

    private static final long[] READ_RETRY_PAUSES_MS = { 250, 750, 2000 };

    private void pause(long millis) throws CatalogException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(where() + ": interrupted", e);
        }
    }

    private HttpResponse<String> sendOnce(String method, String path, String json, String contentType,
            boolean withToken) throws CatalogException {
        URI uri = URI.create(login.url() + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", contentType);
        }
        String t = token;
        if (withToken && t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new CatalogException(where() + " did not accept a connection within "
                    + http.connectTimeout().map(Duration::toString).orElse("the timeout"), e);
        } catch (HttpTimeoutException e) {
            throw new CatalogException(where() + " did not answer " + method + " " + route(path) + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new CatalogException(where() + " is not reachable (nothing answers at " + login.url() + ")", e);
        } catch (IOException e) {
            throw new CatalogException(where() + ": " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(where() + ": interrupted", e);
        }
    }

    private Document json(HttpResponse<String> r, String what) throws CatalogException {
        return json(r, what, r.body());
    }

    private Document json(HttpResponse<String> r, String what, String body) throws CatalogException {
        int s = r.statusCode();
        if (s == 401) {
            throw new CatalogException(where() + ": not logged in, or the login has expired (401); log in again");
        }
        if (s == 403 && login.user() == null && login.token() != null) {
            throw new CatalogException(where() + " does not accept this token (403: " + message(r)
                    + "): it may have expired; log in again");
        }
        if (s == 403) {
            throw new CatalogException(where() + ": " + who() + " may not do this (403): " + message(r));
        }
        if (s == 404) {
            throw new CatalogException(where() + ": not found or not yours (404)");
        }
        if (s / 100 == 4) {
            throw new CatalogException(where() + " refused " + what + " (" + s + "): " + message(r));
        }
        if (s / 100 != 2) {
            throw new CatalogException(where() + " failed on " + what + " (" + s + "): " + message(r));
        }
        try {
            return Document.parse(body);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
            throw notSciCat(r, what);
        }
    }

    private CatalogException notSciCat(HttpResponse<String> r, String what) {
        String type = r.headers().firstValue("Content-Type").orElse("no content type");
        return new CatalogException("This is not a SciCat API at " + login.url() + ": " + what + " answered "
                + r.statusCode() + " with " + type + " instead of SciCat's JSON");
    }

    /** SciCat's {@code message} (a string, or NestJS's list of validation messages), else the body's start. */
    private static String message(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body().strip();
        try {
            Object m = Document.parse(body).get("message");
            if (m instanceof List<?> l) {
                return String.join("; ", l.stream().map(String::valueOf).toList());
            }
            if (m != null) {
                return m.toString();
            }
        } catch (RuntimeException e) {
            // not JSON: say what came, briefly
        }
        if (body.startsWith("<")) {
            return "an HTML page, not SciCat's JSON";
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body.isEmpty() ? "no message" : body;
    }

    /** The path without its query: what a message names (a filter's JSON, URL-encoded, says nothing to a user). */
    private static String route(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private String where() {
        return "SciCat at " + login.url();
    }

    private String who() {
        return login.user() != null ? login.user() : login.token() != null ? "this token's user" : "an anonymous user";
    }
}
