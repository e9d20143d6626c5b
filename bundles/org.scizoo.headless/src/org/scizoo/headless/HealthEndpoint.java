package org.scizoo.headless;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import org.bson.Document;

import com.sun.net.httpserver.HttpServer;

/**
 * A small health endpoint for the headless services ({@code --health-port N}): {@code GET /health}
 * answers JSON with the service's counters and {@code "status": "up"} (HTTP 200) or {@code "trouble"}
 * (HTTP 503, with the problem), for a monitoring system or a container's health check. Loopback only.
 */
public final class HealthEndpoint implements AutoCloseable {

    /** What the service reports; {@code problem} null when all is well. */
    public record Health(String problem, Map<String, Object> counters) {
    }

    private final HttpServer server;

    public HealthEndpoint(int port, Supplier<Health> health) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> {
            Health h = health.get();
            Document body = new Document("status", h.problem() == null ? "up" : "trouble");
            h.counters().forEach(body::append);
            if (h.problem() != null) {
                body.append("problem", h.problem());
            }
            byte[] bytes = body.toJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(h.problem() == null ? 200 : 503, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
