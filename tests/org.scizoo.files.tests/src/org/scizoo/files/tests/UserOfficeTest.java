package org.scizoo.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.proposals.FileProposalSource;
import org.scizoo.proposals.RestProposalSource;

import com.sun.net.httpserver.HttpServer;

/**
 * The user office over REST against a real local HTTP server (bearer token checked, 404 for an unknown
 * proposal), answers cached, and the offline copy used once the server is gone; the file-based source.
 */
class UserOfficeTest {

    static final String PROPOSAL = """
            {"proposalId": "20250042", "title": "Valence band of silver", "abstract": "Ag foil, XPS",
             "pi": {"email": "ada@example.org", "firstname": "Ada", "lastname": "Lovelace"},
             "members": ["grace@example.org"], "ownerGroup": "p20250042", "groups": ["xps-users"],
             "startTime": "2026-11-01T08:00:00Z", "endTime": "2026-11-30T08:00:00Z"}""";

    @Test
    void restWithTokenCacheAndOfflineCopy(@TempDir Path dir) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/proposals/", exchange -> {
            asked.incrementAndGet();
            String id = exchange.getRequestURI().getPath().substring("/api/proposals/".length());
            boolean authorised = "Bearer s3cret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (id.equals("20250042") ? PROPOSAL : "{\"error\": \"no such proposal\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(!authorised ? 401 : id.equals("20250042") ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        Path offline = dir.resolve("proposals");
        try {
            RestProposalSource source = new RestProposalSource(base, "s3cret", offline, Duration.ofMinutes(10),
                    Clock.systemUTC());
            Proposal p = source.find("20250042").orElseThrow();
            assertEquals("Valence band of silver", p.title());
            assertEquals("ada@example.org", p.piEmail());
            assertEquals("Ada Lovelace", p.piName());
            assertEquals("p20250042", p.ownerGroup());
            assertEquals(List.of("xps-users", "grace@example.org"), p.accessGroups(), "groups, then members");
            source.find("20250042");
            assertEquals(1, asked.get(), "the second look-up is answered from the cache");
            assertTrue(source.find("19990001").isEmpty(), "404: no such proposal");
            assertTrue(Files.exists(offline.resolve("20250042.json")), "an offline copy is kept");
            RestProposalSource wrongToken = new RestProposalSource(base, "wrong", null, Duration.ZERO,
                    Clock.systemUTC());
            CatalogException refused = assertThrows(CatalogException.class, () -> wrongToken.find("20250042"));
            assertTrue(refused.getMessage().contains("token was refused"), refused.getMessage());
        } finally {
            server.stop(0);
        }
        // the user office is gone: a new source (a restart) answers from the offline copy, and says so
        RestProposalSource later = new RestProposalSource(base, "s3cret", offline, Duration.ZERO, Clock.systemUTC());
        assertEquals("Valence band of silver", later.find("20250042").orElseThrow().title());
        assertNotNull(later.lastProblem());
        assertTrue(later.lastProblem().contains("cannot be reached"), later.lastProblem());
        CatalogException none = assertThrows(CatalogException.class, () -> later.find("20250043"));
        assertTrue(none.getMessage().contains("no copy of proposal 20250043"), none.getMessage());
    }

    @Test
    void proposalsFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("proposals.json"), "{\"proposals\": [" + PROPOSAL + "]}");
        FileProposalSource source = new FileProposalSource(file);
        assertEquals("p20250042", source.find("20250042").orElseThrow().ownerGroup());
        assertTrue(source.find("1").isEmpty());
        Files.writeString(file, "{\"proposals\": [ {\"title\": \"no id\"} ]}");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        CatalogException bad = assertThrows(CatalogException.class, () -> source.find("20250042"));
        assertTrue(bad.getMessage().contains("proposal 0 has no proposalId"), bad.getMessage());
    }
}
