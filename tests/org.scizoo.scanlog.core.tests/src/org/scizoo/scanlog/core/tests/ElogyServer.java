package org.scizoo.scanlog.core.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server answering the Elogy REST calls the Scanlog makes, as DESIGN.md records the real Elogy's
 * answers (the real one, a Python web app, cannot be installed here: PyPI is out of reach). Logbooks 1
 * ("Beamlines") and 2 ("BioMAX", its child); it keeps what it is sent for the test to read.
 */
final class ElogyServer implements AutoCloseable {

    record Entry(int logbook, int id, Document body) {
    }

    record Upload(int entry, String filename, String contentType, byte[] data) {
    }

    private static final Pattern ENTRIES = Pattern.compile("/api/logbooks/(\\d+)/entries/");
    private static final Pattern ATTACHMENTS = Pattern.compile("/api/logbooks/(\\d+)/entries/(\\d+)/attachments/");

    final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger(100);
    private final HttpServer server;

    ElogyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/logbooks/", this::handle);
        // Anything else is a web server's page, as a wrong path on the same host answers
        server.createContext("/", x -> {
            try (x) {
                byte[] page = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
                        .concat("<p>The requested URL was not found on this server.</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                x.sendResponseHeaders(404, page.length);
                x.getResponseBody().write(page);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            byte[] body = x.getRequestBody().readAllBytes();
            if (x.getRequestMethod().equals("GET") && path.equals("/api/logbooks/")) {
                reply(x, 200, "{\"logbook\": {\"id\": null, \"children\": [{\"id\": 1, \"name\": \"Beamlines\","
                        + " \"children\": [{\"id\": 2, \"name\": \"BioMAX\", \"children\": []}]}]}}");
                return;
            }
            Matcher a = ATTACHMENTS.matcher(path);
            if (x.getRequestMethod().equals("POST") && a.matches()) {
                attachment(x, Integer.parseInt(a.group(2)), body);
                return;
            }
            Matcher e = ENTRIES.matcher(path);
            if (x.getRequestMethod().equals("POST") && e.matches()) {
                int logbook = Integer.parseInt(e.group(1));
                if (logbook != 1 && logbook != 2) {
                    reply(x, 404, "{\"message\": \"Logbook does not exist!\", \"status\": 404}");
                    return;
                }
                Document d = Document.parse(new String(body, StandardCharsets.UTF_8));
                if (d.getList("authors", Document.class, List.of()).isEmpty()) {
                    reply(x, 422, "{\"messages\": {\"authors\": [\"Shorter than minimum length 1.\"]}}");
                    return;
                }
                int id = ids.incrementAndGet();
                entries.add(new Entry(logbook, id, d));
                reply(x, 200,
                        new Document("entry", new Document("id", id).append("title", d.getString("title"))).toJson());
                return;
            }
            reply(x, 404, "{\"message\": \"Not found\", \"status\": 404}");
        }
    }

    /** A multipart body with one {@code attachment} part, split by hand (bytes kept exactly). */
    private void attachment(HttpExchange x, int entry, byte[] body) throws IOException {
        String type = x.getRequestHeaders().getFirst("Content-Type");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9);
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        int start = latin.indexOf(boundary);
        int headersEnd = latin.indexOf("\r\n\r\n", start);
        int end = latin.indexOf("\r\n" + boundary, headersEnd);
        String headers = latin.substring(start, headersEnd);
        Matcher name = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
        Matcher ctype = Pattern.compile("Content-Type: (\\S+)").matcher(headers);
        if (!headers.contains("name=\"attachment\"") || !name.find() || !ctype.find()) {
            reply(x, 400, "{\"message\": \"no attachment\"}");
            return;
        }
        byte[] data = java.util.Arrays.copyOfRange(body, headersEnd + 4, end);
        uploads.add(new Upload(entry, name.group(1), ctype.group(1), data));
        int id = ids.incrementAndGet();
        reply(x, 200, new Document("id", id).append("filename", name.group(1)).append("content_type", ctype.group(1))
                .append("location", "/attachments/" + id + "/" + name.group(1)).append("metadata", new Document())
                .toJson());
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
