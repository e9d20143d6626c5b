package org.scizoo.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.scicat.SciCatDocuments;
import org.scizoo.core.scicat.SciCatWeb;

/** Links to a SciCat web frontend's dataset pages, and a dataset's lifecycle as SciCat keeps it. */
class SciCatWebTest {

    @Test
    void aDatasetsPageIsTheFrontendsDatasetsRouteWithThePidAsOneSegment() {
        URI frontend = SciCatWeb.frontend(" https://scicat.maxiv.lu.se/ ");
        assertEquals("https://scicat.maxiv.lu.se/datasets/20.500.12345%2Fscan%20001",
                SciCatWeb.datasetPage(frontend, "20.500.12345/scan 001").toString());
        assertEquals("http://localhost:4200/scicat/datasets/a%2Bb",
                SciCatWeb.datasetPage(SciCatWeb.frontend("http://localhost:4200/scicat"), "a+b").toString());
    }

    @Test
    void anAddressThatIsNotAWebPageIsRefusedWithTheReason() {
        for (String wrong : new String[] { "", "scicat.example.org", "ftp://scicat.example.org", "https://",
                "http://exa mple.org" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SciCatWeb.frontend(wrong));
            assertTrue(e.getMessage().startsWith("SciCat web frontend: '"), e.getMessage());
        }
    }

    @Test
    void aLifecycleIsReadAsSciCatsArchiveSystemWritesIt() {
        Date purge = Date.from(Instant.parse("2027-01-01T00:00:00Z"));
        Document d = new Document("datasetlifecycle", new Document("archivable", false).append("retrievable", true)
                .append("isOnCentralDisk", false).append("archiveStatusMessage", "datasetOnArchiveDisk")
                .append("retrieveStatusMessage", "retrieveStarted").append("dateOfDiskPurging", purge)
                .append("archiveRetentionTime", "2036-01-01T00:00:00.000Z").append("dateOfPublishing", 42)
                .append("storageLocation", "tape-7"));
        Lifecycle l = SciCatDocuments.lifecycle(d);
        assertEquals(false, l.archivable());
        assertEquals(true, l.retrievable());
        assertEquals(false, l.onCentralDisk());
        assertEquals(purge.toInstant(), l.dateOfDiskPurging());
        assertEquals(Instant.parse("2036-01-01T00:00:00Z"), l.archiveRetentionTime());
        assertNull(l.dateOfPublishing(), "a time that is not one is left out, the rest still read");
        assertEquals("tape-7", l.storageLocation());
        assertEquals("archive: dataset on archive disk; retrieval: retrieve started", l.summary());
        assertNull(SciCatDocuments.lifecycle(new Document("pid", "x")), "another ingestor's dataset has none");
        Lifecycle empty = SciCatDocuments.lifecycle(new Document("datasetlifecycle", new Document()));
        assertEquals(true, empty.archivable(), "SciCat's defaults");
        assertEquals("archive: no state; retrieval: none asked", empty.summary());
    }
}
