package org.scizoo.scanlog.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scizoo.scanlog.core.tests.Scans.scan;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.scanlog.core.AnnotationColumns;
import org.scizoo.scanlog.core.ElogyClient;
import org.scizoo.scanlog.core.ElogyException;
import org.scizoo.scanlog.core.ElogyExport;
import org.scizoo.core.images.Images;
import org.scizoo.scanlog.core.ScanTable;
import org.scizoo.tests.support.FreePorts;
import org.scizoo.tests.support.OsgiServices;

class ElogyExportTest {

    private static final ElogyClient.Author ADA = new ElogyClient.Author("Ada Lovelace", "ada", "ada@example.org");

    @TempDir
    Path dir;

    @Test
    void logbooksAreListedWithTheirParents() throws Exception {
        try (ElogyServer server = new ElogyServer()) {
            ElogyClient elogy = new ElogyClient(URI.create(server.url()), Duration.ofSeconds(5));
            assertEquals(List.of(new ElogyClient.Logbook(1, "Beamlines", "Beamlines"),
                    new ElogyClient.Logbook(2, "BioMAX", "Beamlines / BioMAX")), elogy.logbooks());
        }
    }

    @Test
    void selectedScansBecomeOneEntryWithAnHtmlTableAndTheirImages() throws Exception {
        try (ElogyServer server = new ElogyServer();
                CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(dir))) {
            ScanTable table = new ScanTable();
            for (int i = 1; i <= 3; i++) {
                table.add(scan(i, Map.of("sample", MetadataValue.of(i == 2 ? "<buffer> & salt" : "lysozyme " + i))));
            }
            byte[] png = TestImages.image("png", 200, 100);
            byte[] tiff = TestImages.image("tiff", 50, 50);
            List<ImageFile> images = new ArrayList<>();
            for (byte[] data : List.of(png, tiff)) {
                String name = data == png ? "saxs curve.png" : "camera.tiff";
                images.add(store.annotations().addImage(
                        Images.prepare(table.pid(1), name, data, "ada", Instant.now())));
            }
            store.annotations().add(table.pid(1), Kind.COMMENT, "bubbles in the capillary", "ada");
            AnnotationColumns.applyAll(table, store.annotations().current());
            List<String> progress = new ArrayList<>();

            ElogyExport.Result result = ElogyExport.send(
                    new ElogyClient(URI.create(server.url()), Duration.ofSeconds(5)),
                    2, "Scans of the night", table, new int[] { 2, 1 }, List.of("name", "sm.sample", "comment"), ADA,
                    store.annotations(), progress::add);

            assertEquals(1, server.entries.size());
            ElogyServer.Entry entry = server.entries.get(0);
            assertEquals(result.entryId(), entry.id());
            assertEquals(2, entry.logbook());
            Document body = entry.body();
            assertEquals("Scans of the night", body.getString("title"));
            assertEquals("text/html", body.getString("content_type"));
            assertEquals("ada", body.getList("authors", Document.class).get(0).getString("login"));
            String html = body.getString("content");
            assertTrue(html.contains("<th>Name</th><th>sample</th><th>Comment</th>"), html);
            assertTrue(html.indexOf("scan 3") < html.indexOf("scan 2"), "rows in the order chosen: " + html);
            assertTrue(html.contains("&lt;buffer&gt; &amp; salt"), html);
            assertTrue(html.contains("bubbles in the capillary"), html);
            assertFalse(html.contains("scan 1<"), "only the selected rows: " + html);

            assertEquals(2, result.attachments());
            assertEquals(2, server.uploads.size());
            for (ElogyServer.Upload u : server.uploads) {
                assertEquals(result.entryId(), u.entry());
                ImageFile sent = images.stream().filter(i -> i.fileName().equals(u.filename())).findFirst()
                        .orElseThrow();
                assertEquals(sent.contentType(), u.contentType());
                assertArrayEquals(sent.data(), u.data());
            }
            assertEquals("Attaching image 2 of 2…", progress.get(progress.size() - 1));
        }
    }

    @Test
    void elogysRefusalsAndAnAbsentServerAreClearErrors() throws Exception {
        try (ElogyServer server = new ElogyServer()) {
            ElogyClient elogy = new ElogyClient(URI.create(server.url()), Duration.ofSeconds(5));
            ElogyException missing = assertThrows(ElogyException.class,
                    () -> elogy.createEntry(99, "t", "<p/>", ADA));
            assertTrue(missing.getMessage().contains("404") && missing.getMessage().contains("Logbook does not exist!"),
                    missing.getMessage());
            ElogyException noAuthor = assertThrows(ElogyException.class,
                    () -> elogy.createEntry(1, "t", "<p/>", new ElogyClient.Author(null, null, null)));
            assertTrue(noAuthor.getMessage().contains("author"), noAuthor.getMessage());
            assertTrue(server.entries.isEmpty());
        }
        ElogyClient nobody = new ElogyClient(URI.create("http://127.0.0.1:" + FreePorts.next()), Duration.ofSeconds(2));
        ElogyException e = assertThrows(ElogyException.class, nobody::logbooks);
        assertTrue(e.getMessage().contains("cannot be reached (nothing answers at that address and port"),
                e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        ElogyClient unknown = new ElogyClient(URI.create("http://no-such-host.invalid"), Duration.ofSeconds(2));
        ElogyException u = assertThrows(ElogyException.class, unknown::logbooks);
        assertTrue(u.getMessage().contains("cannot be reached (its host name is not known)"), u.getMessage());
        assertFalse(u.getMessage().contains("null"), u.getMessage());
    }

    @Test
    void aWebPageAtTheUrlIsNotAnElogyApi() throws Exception {
        try (ElogyServer server = new ElogyServer()) {
            ElogyClient wrongPath = new ElogyClient(URI.create(server.url() + "/elogy"), Duration.ofSeconds(5));
            ElogyException e = assertThrows(ElogyException.class, wrongPath::logbooks);
            assertTrue(e.getMessage().startsWith("This is not an Elogy API at " + server.url() + "/elogy/"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
            assertFalse(e.getMessage().contains("<"), "the page is not printed: " + e.getMessage());
            ElogyException entry = assertThrows(ElogyException.class, () -> wrongPath.createEntry(1, "t", "<p/>", ADA));
            assertTrue(entry.getMessage().startsWith("This is not an Elogy API"), entry.getMessage());
            assertTrue(server.entries.isEmpty());
        }
    }
}
