package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.OsgiServices;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded store keeps its unique indexes in its own key order (not H2's default, which serialises
 * keys to compare them). A catalogue file written in the default order — by mongo-java-server's plain H2
 * backend, as SciZoo did before — is re-sorted once when opened, and loses nothing.
 */
class EmbeddedIndexOrderTest {

    private static final int N = 1_500;

    @TempDir
    Path dir;

    @Test
    void aCatalogueInTheOldIndexOrderIsResortedOnceAndLosesNothing() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        List<CatalogEntry> entries = CatalogStoreTest.entries(N);
        writeWithThePlainH2Backend(provider, entries);
        // Pids "…test-9" and "…test-10" are in a different order in the two orders, so a lookup in a map
        // that was not re-sorted misses (and an upsert would then add a second document).
        for (int round = 0; round < 2; round++) {
            try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
                assertEquals(N, store.countDatasets());
                for (CatalogEntry e : entries) {
                    assertEquals(e.dataset(), store.findDataset(e.dataset().pid()).orElseThrow(), e.dataset().pid());
                    assertEquals(e.datablocks(), store.findDatablocks(e.dataset().pid()), e.dataset().pid());
                }
                store.upsert(entries); // the same ids again: replaced, not added
                assertEquals(N, store.countDatasets());
            }
        }
        try (MVStore file = new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).readOnly().open()) {
            MVMap<String, String> ordered = file.openMap("scizoo.index-order");
            assertTrue(
                    ordered.keySet()
                            .containsAll(Set.of("scicat.Dataset._index__id_", "scicat.OrigDatablock._index__id_")),
                    ordered.keySet().toString());
            assertFalse(file.getMapNames().stream().anyMatch(n -> n.endsWith(".scizoo-resort")),
                    file.getMapNames().toString());
        }
    }

    @Test
    void aNewCatalogueFindsEveryDatasetByItsId() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        List<CatalogEntry> entries = CatalogStoreTest.entries(N);
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            for (int i = 0; i < N; i += 500) {
                store.upsert(entries.subList(i, i + 500));
            }
            store.upsert(entries.subList(0, 1_000));
            assertEquals(N, store.countDatasets());
        }
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            for (CatalogEntry e : entries) {
                assertEquals(e.dataset(), store.findDataset(e.dataset().pid()).orElseThrow(), e.dataset().pid());
            }
        }
    }

    /** The catalogue as an older SciZoo wrote it: the same file, served by mongo-java-server's own H2 backend. */
    private void writeWithThePlainH2Backend(CatalogStoreProvider provider, List<CatalogEntry> entries)
            throws Exception {
        MVStore file = new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).open();
        MongoServer server = new MongoServer(new H2Backend(file));
        try {
            InetSocketAddress address = server.bind();
            String uri = "mongodb://127.0.0.1:" + address.getPort() + "/scicat";
            try (CatalogStore store = provider.open(new BackendSettings(dir, uri, Duration.ofSeconds(5)))) {
                store.upsert(entries);
                assertEquals(N, store.countDatasets());
            }
        } finally {
            server.shutdown();
            file.close();
        }
    }
}
