package org.scizoo.scanlog.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scizoo.scanlog.core.tests.Scans.scan;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.Annotation.Kind;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.ImageFile;
import org.scizoo.core.model.ScanlogLayout;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.scanlog.core.AnnotationColumns;
import org.scizoo.core.images.Images;
import org.scizoo.scanlog.core.ScanTable;
import org.scizoo.tests.support.OsgiServices;

class AnnotationsAndLayoutsTest {

    private static final String PID = "20.500.12345/scanlog-1";

    @TempDir
    Path dir;

    private CatalogStore open() throws Exception {
        return OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(dir));
    }

    @Test
    void everyChangeIsKeptWithItsAuthorAndTheLatestIsCurrent() throws Exception {
        try (CatalogStore store = open()) {
            AnnotationStore a = store.annotations();
            a.add(PID, Kind.COMMENT, "Sample moved\nafter 10 frames", "ada");
            a.add(PID, Kind.RATING, "2", "ada");
            a.add(PID, Kind.RATING, "4", "grace");
            a.add(PID, Kind.QUALITY, "bad", "grace");
            a.add(PID, Kind.QUALITY_METRICS, "0.37", "grace");
            a.add("20.500.12345/scanlog-2", Kind.COMMENT, "fine", "ada");
        }
        try (CatalogStore store = open()) { // kept across a restart
            AnnotationStore a = store.annotations();
            List<Annotation> history = a.history(PID);
            assertEquals(List.of("ada", "ada", "grace", "grace", "grace"),
                    history.stream().map(Annotation::author).toList());
            assertEquals(List.of("2", "4"),
                    history.stream().filter(h -> h.kind() == Kind.RATING).map(Annotation::value).toList());
            Annotations now = a.current().get(PID);
            assertEquals("Sample moved\nafter 10 frames", now.comment());
            assertEquals(4, now.rating());
            assertEquals("bad", now.quality());
            assertEquals(0.37, now.qualityMetrics());
            assertEquals(2, a.current().size());

            a.add(PID, Kind.RATING, "", "ada"); // cleared, and the clearing is history too
            assertNull(a.current().get(PID).rating());
            assertEquals(6, a.history(PID).size());

            ScanTable table = new ScanTable();
            table.add(scan(1));
            AnnotationColumns.applyAll(table, a.current());
            assertEquals("bad", table.column("quality").text(0));
            assertEquals("Sample moved\nafter 10 frames", table.column("comment").text(0));
        }
    }

    @Test
    void valuesAKindDoesNotAllowAreRefusedWithTheReason() throws Exception {
        try (CatalogStore store = open()) {
            AnnotationStore a = store.annotations();
            assertTrue(assertThrows(CatalogException.class, () -> a.add(PID, Kind.RATING, "7", "ada")).getMessage()
                    .contains("1 to 5"));
            assertTrue(assertThrows(CatalogException.class, () -> a.add(PID, Kind.QUALITY, "great", "ada"))
                    .getMessage().contains("good, bad, unknown"));
            assertTrue(assertThrows(CatalogException.class, () -> a.add(PID, Kind.QUALITY_METRICS, "high", "ada"))
                    .getMessage().contains("number"));
            assertTrue(a.history(PID).isEmpty(), "nothing stored");
        }
    }

    @Test
    void pngJpegAndTiffAreStoredWithAThumbnailAndOtherFilesAreRefused() throws Exception {
        try (CatalogStore store = open()) {
            AnnotationStore a = store.annotations();
            for (String format : List.of("png", "jpeg", "tiff")) {
                byte[] data = TestImages.image(format, 640, 480);
                ImageFile prepared = Images.prepare(PID, "camera." + format, data, "ada", Instant.now());
                assertEquals("image/" + format, prepared.contentType());
                a.addImage(prepared);
                ImageFile back = a.image(prepared.id()).orElseThrow();
                assertArrayEquals(data, back.data());
                var thumb = ImageIO.read(new ByteArrayInputStream(back.thumbnailPng()));
                assertEquals(Images.THUMBNAIL, thumb.getWidth());
                assertEquals(72, thumb.getHeight());
                assertArrayEquals(back.thumbnailPng(), a.thumbnail(prepared.id()).orElseThrow());
            }
            assertEquals(3, a.current().get(PID).imageIds().size());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Images.prepare(PID, "notes.txt", "hello".getBytes(), "ada", Instant.now()));
            assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
            byte[] truncated = java.util.Arrays.copyOf(TestImages.image("png", 64, 64), 40);
            assertThrows(IllegalArgumentException.class,
                    () -> Images.prepare(PID, "broken.png", truncated, "ada", Instant.now()));
        }
    }

    @Test
    void layoutsAreNamedPerBeamlineAndUser() throws Exception {
        ScanlogLayout compact = new ScanlogLayout("cosaxs", "ada", "compact",
                List.of(new ScanlogLayout.Column("scan", 60), new ScanlogLayout.Column("sm.T01", 90)), "sm.T01", true,
                Map.of("sm.T01", "> 25 degC"), null);
        try (CatalogStore store = open()) {
            store.layouts().save(compact);
            store.layouts()
                    .save(new ScanlogLayout("cosaxs", "ada", "wide", List.of(new ScanlogLayout.Column("name", 300)),
                            null, false, Map.of(), null));
            store.layouts().save(new ScanlogLayout("cosaxs", "grace", "mine", List.of(), null, false, Map.of(), null));
        }
        try (CatalogStore store = open()) {
            assertEquals(List.of("compact", "wide"),
                    store.layouts().list("cosaxs", "ada").stream().map(ScanlogLayout::name).toList());
            ScanlogLayout back = store.layouts().load("cosaxs", "ada", "compact").orElseThrow();
            assertEquals(compact.columns(), back.columns());
            assertEquals("sm.T01", back.sortColumn());
            assertEquals(Map.of("sm.T01", "> 25 degC"), back.filters());
            store.layouts().delete("cosaxs", "ada", "wide");
            assertEquals(1, store.layouts().list("cosaxs", "ada").size());
            assertEquals(1, store.layouts().list("cosaxs", "grace").size());
        }
    }
}
