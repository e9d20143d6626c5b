package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.tests.support.OsgiServices;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

class CatalogStoreTest {

    @TempDir
    Path dir;
    private CatalogStoreProvider provider;

    @BeforeEach
    void provider() throws InterruptedException {
        provider = OsgiServices.get(CatalogStoreProvider.class);
    }

    static CatalogEntry entry(int i) {
        String pid = "20.500.12345/test-" + i;
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(1000 + i).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(i)).datasetName("scan " + i)
                .ownerGroup("20250042").instrumentIds(List.of("sim-saxs")).proposalIds(List.of("20250042"))
                .metadata("T01", MetadataValue.of(21.0 + i / 10.0, "degC")).runNumber(Integer.toString(i)).build();
        OrigDatablock block = new OrigDatablock(pid + "/orig-0", pid, 1000 + i, null, "20250042", List.of(),
                List.of(new DataFile("scan_" + i + ".h5", 1000 + i, d.creationTime(), null)));
        return new CatalogEntry(d, List.of(block));
    }

    static List<CatalogEntry> entries(int n) {
        List<CatalogEntry> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(entry(i));
        }
        return l;
    }

    @Test
    void embeddedStoreKeepsDatasetsAcrossARestart() throws Exception {
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            store.upsert(entries(3));
            assertTrue(store.describe().contains(dir.resolve("catalog.mv").toString()), store.describe());
        }
        assertTrue(Files.size(dir.resolve("catalog.mv")) > 0, "one file in the data folder");
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            assertEquals(3, store.countDatasets());
            assertEquals(entry(2).dataset(), store.findDataset(entry(2).dataset().pid()).orElseThrow());
            assertEquals(entry(2).datablocks(), store.findDatablocks(entry(2).dataset().pid()));
            assertTrue(store.health().up());
        }
    }

    @Test
    void upsertsAreIdempotentAndPagesComeNewestFirst() throws Exception {
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            store.upsert(entries(5));
            store.upsert(entries(5));
            assertEquals(5, store.countDatasets(), "replaying the same entries adds nothing");
            List<Dataset> page = store.findDatasets(DatasetQuery.newest(2));
            assertEquals(List.of("scan 5", "scan 4"), page.stream().map(Dataset::datasetName).toList());
            List<Dataset> newer = store
                    .findDatasets(DatasetQuery.newest(0).newerThan(entry(3).dataset().creationTime()));
            assertEquals(List.of("scan 5", "scan 4"), newer.stream().map(Dataset::datasetName).toList());
        }
    }

    @Test
    void aDatasetTwiceInOneBatchOrAgainLaterIsStoredAsItsLastVersion() throws Exception {
        CatalogEntry first = entry(1);
        Dataset renamed = first.dataset().toBuilder().datasetName("scan 1, renamed").build();
        CatalogEntry second = new CatalogEntry(renamed, first.datablocks());
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            store.upsert(List.of(first, entry(2), second));
            assertEquals(2, store.countDatasets());
            assertEquals(renamed, store.findDataset(renamed.pid()).orElseThrow());
            // a later batch of new and already stored datasets: the new ones added, the others replaced
            Dataset again = renamed.toBuilder().datasetName("scan 1, renamed again").build();
            store.upsert(List.of(entry(3), new CatalogEntry(again, first.datablocks()), entry(2)));
            assertEquals(3, store.countDatasets());
            assertEquals(again, store.findDataset(again.pid()).orElseThrow());
            assertEquals(entry(3).dataset(), store.findDataset(entry(3).dataset().pid()).orElseThrow());
            assertEquals(first.datablocks(), store.findDatablocks(again.pid()));
        }
    }

    @Test
    void aCorruptEmbeddedFileIsReportedAndLeftUntouched() throws Exception {
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Path file = dir.resolve("catalog.mv");
        Files.write(file, garbage);
        CatalogException e = assertThrows(CatalogException.class, () -> provider.open(BackendSettings.embedded(dir)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("cannot be read"),
                e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file), "the user's file must not be changed");
    }

    @Test
    void anUnreachableMongoDbUriFailsFastWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        BackendSettings settings = new BackendSettings(dir, "mongodb://127.0.0.1:" + port + "/scicat",
                Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        CatalogException e = assertThrows(CatalogException.class, () -> provider.open(settings));
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertTrue(e.getMessage().contains("not reachable") && e.getMessage().contains("127.0.0.1:" + port),
                e.getMessage());
        assertTrue(seconds < 10, "gave up after " + seconds + " s, not within the 1 s timeout's reach");
    }

    @Test
    void anInvalidUriIsAClearError() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> provider.open(new BackendSettings(dir, "mongo://nowhere", null)));
        assertTrue(e.getMessage().startsWith("Invalid MongoDB URI"), e.getMessage());
    }

    @Test
    void anUnusableDataFolderIsAClearError() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        CatalogException e = assertThrows(CatalogException.class,
                () -> provider.open(BackendSettings.embedded(notAFolder.resolve("data"))));
        assertTrue(e.getMessage().contains("--data"), e.getMessage());
    }

    @Test
    void aSecondOpenOfTheSameFolderSharesTheCatalogueOfTheFirst() throws Exception {
        try (CatalogStore first = provider.open(BackendSettings.embedded(dir))) {
            first.upsert(entries(2));
            try (CatalogStore second = provider.open(BackendSettings.embedded(dir))) {
                assertTrue(second.describe().contains("served by another process"), second.describe());
                assertEquals(2, second.countDatasets());
                second.upsert(List.of(entry(3)));
            }
            assertEquals(3, first.countDatasets());
        }
    }

    @Test
    void theSameStoreCodeWorksAgainstAMongoDbGivenByUri() throws Exception {
        // A server speaking the MongoDB wire protocol on its own port, reached only through the URI.
        MongoServer server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        try {
            String uri = "mongodb://127.0.0.1:" + address.getPort() + "/facility";
            try (CatalogStore store = provider.open(new BackendSettings(dir, uri, Duration.ofSeconds(5)))) {
                store.upsert(entries(2));
                assertEquals(2, store.countDatasets());
                assertTrue(store.describe().contains("/facility"), store.describe());
            }
            assertTrue(Files.notExists(dir.resolve("catalog.mv")), "a URI backend writes no embedded file");
        } finally {
            server.shutdownNow();
        }
    }
}
