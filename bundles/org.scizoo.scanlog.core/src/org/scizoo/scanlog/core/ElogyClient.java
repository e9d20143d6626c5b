package org.scizoo.scanlog.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * The parts of the Elogy logbook's REST API the Scanlog uses: list the logbooks, create an entry (HTML),
 * attach files to it. Every failure is an {@link ElogyException} saying what went wrong in words a user can
 * act on (the server's own message when it gave one); nothing here hangs beyond the timeout.
 */
public final class ElogyClient {

    /** A logbook; {@code path} names it with its parents, {@code Beamlines / BioMAX}. */
    public record Logbook(int id, String name, String path) {
    }

    /** An entry's author, as Elogy wants one (it refuses an entry without). */
    public record Author(String name, String login, String email) {
    }

    /** An attachment as Elogy stored it: where it serves it from. */
    public record Attachment(int id, String filename, String location) {
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /** @param base the Elogy server, e.g. {@code http://elogy.example.org} (the API is under {@code /api/}) */
    public ElogyClient(URI base, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Every logbook, parents before their children. */
    public List<Logbook> logbooks() throws ElogyException {
        Document root = send(HttpRequest.newBuilder(api("logbooks/")).GET(), "list the logbooks")
                .get("logbook", Document.class);
        List<Logbook> out = new ArrayList<>();
        if (root != null) {
            collect(root.getList("children", Document.class, List.of()), "", out);
        }
        return out;
    }

    private static void collect(List<Document> children, String parent, List<Logbook> out) {
        for (Document d : children) {
            String name = String.valueOf(d.get("name"));
            String path = parent.isEmpty() ? name : parent + " / " + name;
            out.add(new Logbook(number(d.get("id")), name, path));
            collect(d.getList("children", Document.class, List.of()), path, out);
        }
    }

    /** Creates an HTML entry. @return its id */
    public int createEntry(int logbookId, String title, String html, Author author) throws ElogyException {
        if (author == null || author.name() == null || author.name().isBlank()) {
            throw new ElogyException("Elogy needs the entry's author: set your name in the Elogy preferences");
        }
        Document authorDoc = new Document("name", author.name()).append("login", author.login())
                .append("email", author.email());
        Document body = new Document("title", title).append("content", html).append("content_type", "text/html")
                .append("authors", List.of(authorDoc));
        Document entry = send(HttpRequest.newBuilder(api("logbooks/" + logbookId + "/entries/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toJson(), StandardCharsets.UTF_8)),
                "create the entry").get("entry", Document.class);
        if (entry == null || entry.get("id") == null) {
            throw new ElogyException("Elogy at " + base + " answered without the new entry's id");
        }
        return number(entry.get("id"));
    }

    /** Attaches a file to an entry (multipart field {@code attachment}). */
    public Attachment attach(int logbookId, int entryId, String fileName, String contentType, byte[] data)
            throws ElogyException {
        String boundary = "scizoo-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(data.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\""
                + fileName.replace("\"", "_").replace("\r", "").replace("\n", "") + "\"\r\nContent-Type: "
                + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Document a = send(HttpRequest.newBuilder(api("logbooks/" + logbookId + "/entries/" + entryId + "/attachments/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "attach " + fileName);
        return new Attachment(a.get("id") == null ? -1 : number(a.get("id")), a.getString("filename"),
                a.getString("location"));
    }

    private URI api(String path) {
        return base.resolve("api/" + path);
    }

    private Document send(HttpRequest.Builder request, String what) throws ElogyException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ElogyException("Elogy at " + base + " did not answer within " + timeout.toSeconds()
                    + " s when asked to " + what, e);
        } catch (ConnectException e) {
            throw new ElogyException("Elogy at " + base + " cannot be reached (" + reason(e)
                    + "); check the Elogy URL in the preferences", e);
        } catch (IOException e) {
            throw new ElogyException("Could not " + what + " in Elogy at " + base + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElogyException("Interrupted while asking Elogy to " + what, e);
        }
        Document json = parse(response.body());
        if (json == null && looksLikeHtml(response)) {
            throw new ElogyException("This is not an Elogy API at " + base + ": asked to " + what + ", "
                    + request.build().uri() + " answered HTTP " + response.statusCode()
                    + " with a web page; check the Elogy URL in the preferences (the server's address, without /api)");
        }
        if (response.statusCode() / 100 != 2) {
            String message = json != null && json.get("message") != null ? String.valueOf(json.get("message"))
                    : response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            throw new ElogyException("Elogy could not " + what + ": HTTP " + response.statusCode() + " " + message);
        }
        if (json == null) {
            throw new ElogyException("Elogy at " + base + " answered '" + what + "' with something that is not JSON");
        }
        return json;
    }

    /**
     * Why a connection failed, in words. The JDK's client throws a ConnectException without any message for
     * a refused connection (its causes: another, then a ClosedChannelException) and for an unknown host (an
     * UnresolvedAddressException), so the reason is read from the kinds of the causes.
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "its host name is not known";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "nothing answers at that address and port: connection refused"
                : e.getClass().getSimpleName();
    }

    private static boolean looksLikeHtml(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String start = response.body() == null ? "" : response.body().stripLeading().toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static Document parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Document.parse(body);
        } catch (JsonParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(String.valueOf(o));
    }
}
