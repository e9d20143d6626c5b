package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.tests.support.OsgiServices;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded store answers a newest-first page from its creationTime index: in the server's own order,
 * and right after a process holding the file was killed in the middle of a write.
 */
class EmbeddedCreationTimeIndexTest {

    private static final String INDEX_MAP = "scicat.Dataset._index_creationTime_-1";
    private static final long T0 = 1_795_000_000_000L;
    /** Above the size from which a build is worth a word. */
    private static final int OLD_CATALOGUE = 60_000;
    private static final Document NEWEST_FIRST = new Document("creationTime", -1).append("_id", -1);
    /** The same order, which the index does not claim (three keys), so the server sorts every document itself. */
    private static final Document SORTED_BY_THE_SERVER = new Document(NEWEST_FIRST).append("datasetName", 1);

    @TempDir
    Path dir;

    @Test
    void theIndexGivesTheOrderTheServerItselfGives() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir));
                MongoClient client = EmbeddedValuesTest.client(dir)) {
            MongoCollection<Document> datasets = client.getDatabase("scicat").getCollection("Dataset");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                // three scans a minute (ties broken by _id); some without a creationTime, some with null
                Document d = new Document("_id", String.format("20.500.12345/scan-%03d", i)).append("datasetName",
                        "s" + i);
                if (i % 50 != 7) {
                    d.append("creationTime", i % 70 == 3 ? null : new Date(T0 + 60_000L * (i / 3)));
                }
                documents.add(d);
            }
            Collections.shuffle(documents, new Random(42));
            datasets.insertMany(documents);
            Date middle = new Date(T0 + 60_000L * 100);
            List<Bson> filters = List.of(new Document(), new Document("creationTime", new Document("$gt", middle)),
                    new Document("$and", List.of(new Document("creationTime", new Document("$gte", middle)),
                            new Document("datasetName", new Document("$regex", "1$")))),
                    new Document("datasetName", "s7"));
            int[][] pages = { { 0, 0 }, { 0, 1 }, { 0, 25 }, { 5, 10 }, { 590, 20 } };
            for (Bson filter : filters) {
                for (int[] page : pages) {
                    assertEquals(ids(datasets, filter, SORTED_BY_THE_SERVER, page),
                            ids(datasets, filter, NEWEST_FIRST, page),
                            filter + " skip " + page[0] + " limit " + page[1]);
                }
            }
            assertEquals(600, ids(datasets, new Document(), NEWEST_FIRST, pages[0]).size());

            // A creationTime that is not a date: the index cannot place it, so the server sorts as before.
            datasets.insertOne(
                    new Document("_id", "odd").append("creationTime", "yesterday").append("datasetName", "odd"));
            for (int[] page : pages) {
                assertEquals(ids(datasets, new Document(), SORTED_BY_THE_SERVER, page),
                        ids(datasets, new Document(), NEWEST_FIRST, page));
            }
            datasets.deleteOne(new Document("_id", "odd"));
            // and times changed in place move the scans in the order
            datasets.updateOne(new Document("_id", "20.500.12345/scan-000"),
                    new Document("$set", new Document("creationTime", new Date(T0 + 60_000L * 1000))));
            datasets.updateOne(new Document("_id", "20.500.12345/scan-599"),
                    new Document("$set", new Document("creationTime", new Date(T0 - 1))));
            assertEquals("20.500.12345/scan-000", ids(datasets, new Document(), NEWEST_FIRST, pages[1]).get(0));
            for (int[] page : pages) {
                assertEquals(ids(datasets, new Document(), SORTED_BY_THE_SERVER, page),
                        ids(datasets, new Document(), NEWEST_FIRST, page));
            }
        }
        try (MVStore file = new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).readOnly().open()) {
            assertEquals(600, indexMap(file).sizeAsLong(),
                    "one entry a scan, none left for the odd one or the old times");
        }
    }

    /**
     * The file as a process killed between a document's write and its entry's leaves it: one entry too
     * few (a scan added or removed) or too many (a scan whose creationTime changed). Opening rebuilds it.
     */
    @Test
    void anIndexTornByAKilledProcessIsRebuiltWhenTheFileIsOpened() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        List<CatalogEntry> entries = writeScans(provider);
        List<String> newestFirst = entries.stream().map(e -> e.dataset().pid()).toList().reversed();
        String newest = newestFirst.get(0);

        editIndex(index -> index.remove(keyOf(index, newest))); // its document was written, its entry not
        assertPagesAre(provider, newestFirst);

        editIndex(index -> index.put("0000000000000000" + newest, newest)); // a changed time's new key, not yet the old one's removal
        assertPagesAre(provider, newestFirst);
    }

    /** The last guard: an entry that says a scan is newer than its document does is mended by the walk that meets it. */
    @Test
    void anEntryOutOfDateWithItsDocumentIsMendedWhenAPageMeetsIt() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        List<CatalogEntry> entries = writeScans(provider);
        String oldest = entries.get(0).dataset().pid();
        editIndex(index -> {
            index.remove(keyOf(index, oldest));
            index.put("ffff000000000000" + oldest, oldest); // as if it were the newest, far in the future
        });
        assertPagesAre(provider, entries.stream().map(e -> e.dataset().pid()).toList().reversed());
        editIndex(
                index -> assertEquals(key(entries.get(0).dataset()), keyOf(index, oldest), "back at its scan's time"));
    }

    /** The file's key of a scan: its time's milliseconds with the sign flipped, in 16 hex digits, then its pid. */
    private static String key(Dataset d) {
        return String.format("%016x", d.creationTime().toEpochMilli() ^ Long.MIN_VALUE) + d.pid();
    }

    /**
     * A document the index cannot read (here: not a document at all, in a catalogue of the older format)
     * leaves the catalogue open, its index unused.
     */
    @Test
    void aDocumentThatCannotBeReadLeavesTheCatalogueOpenAndUnindexed() throws Exception {
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        List<CatalogEntry> entries = CatalogStoreTest.entries(20);
        MongoServer server = new MongoServer(new H2Backend(
                new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).open()));
        try {
            String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/scicat";
            try (CatalogStore store = provider.open(new BackendSettings(dir, uri, Duration.ofSeconds(5)))) {
                store.upsert(entries);
            }
        } finally {
            server.shutdown(); // closes the file too
        }
        try (MVStore file = new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).open()) {
            file.openMap("databases.scicat.Dataset").put(entries.get(5).dataset().pid(), "not a document");
        }
        for (int open = 0; open < 2; open++) {
            try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
                assertEquals(20, store.countDatasets());
                assertEquals(entries.get(3).dataset(), store.findDataset(entries.get(3).dataset().pid()).orElseThrow());
                // the server sorts the page itself and meets the same document: a clear error, not a wrong page
                CatalogException e = assertThrows(CatalogException.class,
                        () -> store.findDatasets(DatasetQuery.newest(5)));
                assertTrue(e.getMessage().contains("read datasets"), e.getMessage());
            }
            editIndex(index -> assertEquals("!", index.firstKey(), "marked unusable, so the next open tries again"));
        }
    }

    /**
     * A catalogue written before the index existed (here by plain mongo-java-server, as SciZoo's first
     * versions did) is indexed once when first opened, which for a million scans takes more than a minute:
     * the opener is told how far it has come, in tenths, for the re-ordered unique index as well. Opened again,
     * there is nothing to do and nothing to tell.
     */
    @Test
    void anOldCatalogueIsIndexedOnceAndTheOpenerToldHowFarItHasCome() throws Exception {
        int count = OLD_CATALOGUE;
        writeOldCatalogue(count);
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        List<String> told = new ArrayList<>();
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir), told::add);
                MongoClient client = EmbeddedValuesTest.client(dir)) {
            assertEquals(List.of("20.500.12345/scan-59999", "20.500.12345/scan-59998"), ids(
                    client.getDatabase("scicat").getCollection("Dataset"), new Document(), NEWEST_FIRST,
                    new int[] { 0, 2 }));
        }
        List<String> expected = new ArrayList<>();
        for (int tenth = 0; tenth <= 10; tenth++) {
            expected.add("indexing the catalogue's scicat.Dataset by creationTime, once: " + count * tenth / 10 + " of "
                    + count + " (" + tenth * 10 + " %)");
        }
        assertEquals(expected, told.stream().filter(t -> t.startsWith("indexing")).toList());
        List<String> reordering = told.stream().filter(t -> t.startsWith("re-ordering the catalogue's index "))
                .toList();
        assertEquals(11, reordering.size(), told.toString());
        assertTrue(reordering.get(10).endsWith(", once after an upgrade: 60000 of 60000 (100 %)"), reordering.get(10));

        told.clear();
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir), told::add)) {
            assertEquals(List.of(), told, "indexed already");
        }
        editIndex(index -> assertEquals(count, index.sizeAsLong()));
    }

    /**
     * A stop asked for while an old catalogue is re-ordered, or indexed, gives the build up: the opening fails
     * at once with a clear message, and the next opening does the build from the start and gets it right.
     */
    @Test
    void aStopGivesUpABuildThatTheNextOpeningDoesAgain() throws Exception {
        writeOldCatalogue(OLD_CATALOGUE);
        CatalogStoreProvider provider = OsgiServices.get(CatalogStoreProvider.class);
        for (String phase : List.of("re-ordering", "indexing")) {
            List<String> told = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            CatalogException e = assertThrows(CatalogException.class, () -> provider.open(BackendSettings.embedded(dir),
                    text -> {
                        told.add(text);
                        stop.compareAndSet(false, text.startsWith(phase) && text.endsWith("(10 %)"));
                    }, stop::get));
            assertTrue(e.getMessage().startsWith("Stopped while opening the catalogue "), e.getMessage());
            assertTrue(e.getMessage().contains(phase + " the catalogue's "), e.getMessage());
            assertTrue(e.getMessage().endsWith("it is done again when the catalogue is next opened"), e.getMessage());
            String last = told.getLast();
            assertTrue(last.startsWith(phase) && last.endsWith("(10 %)"), "given up within 1,024 entries: " + told);
        }
        List<String> told = new ArrayList<>();
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir), told::add);
                MongoClient client = EmbeddedValuesTest.client(dir)) {
            assertEquals(List.of("20.500.12345/scan-59999", "20.500.12345/scan-59998"), ids(
                    client.getDatabase("scicat").getCollection("Dataset"), new Document(), NEWEST_FIRST,
                    new int[] { 0, 2 }));
            assertEquals(OLD_CATALOGUE, store.countDatasets());
        }
        assertEquals(List.of(), told.stream().filter(t -> t.startsWith("re-ordering")).toList(),
                "done before the second stop");
        assertEquals(11, told.stream().filter(t -> t.startsWith("indexing")).count(), "from 0 %: " + told);
        editIndex(index -> assertEquals(OLD_CATALOGUE, index.sizeAsLong()));
    }

    /**
     * A catalogue as SciZoo's first versions wrote it (plain mongo-java-server): {@code count} scans a second
     * apart, in no order, with neither the creationTime index nor the unique index in the present order.
     */
    private void writeOldCatalogue(int count) {
        MongoServer server = new MongoServer(new H2Backend(
                new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).open()));
        try (MongoClient old = com.mongodb.client.MongoClients
                .create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            List<Document> scans = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                scans.add(new Document("_id", String.format("20.500.12345/scan-%05d", i)).append("creationTime",
                        new Date(T0 + 1000L * i)));
            }
            Collections.shuffle(scans, new Random(7));
            old.getDatabase("scicat").getCollection("Dataset").insertMany(scans);
        } finally {
            server.shutdown(); // closes the file too
        }
    }

    /** 300 scans a second apart, stored and the store closed. */
    private List<CatalogEntry> writeScans(CatalogStoreProvider provider) throws Exception {
        List<CatalogEntry> entries = CatalogStoreTest.entries(300);
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            store.upsert(entries);
        }
        return entries;
    }

    private void assertPagesAre(CatalogStoreProvider provider, List<String> newestFirst) throws Exception {
        try (CatalogStore store = provider.open(BackendSettings.embedded(dir))) {
            assertEquals(newestFirst.subList(0, 1), pids(store.findDatasets(DatasetQuery.newest(1))));
            assertEquals(newestFirst.subList(10, 30),
                    pids(store.findDatasets(new DatasetQuery(null, null, null, 10, 20))));
            assertEquals(newestFirst, pids(store.findDatasets(DatasetQuery.newest(0))));
        }
        editIndex(index -> assertEquals(newestFirst.size(), index.sizeAsLong(), "one entry a scan"));
    }

    private void editIndex(java.util.function.Consumer<MVMap<String, Object>> edit) {
        try (MVStore file = new MVStore.Builder().fileName(dir.resolve("catalog.mv").toString()).open()) {
            MVMap<String, Object> index = indexMap(file);
            assertFalse(index.isEmpty(), "the file has the index");
            edit.accept(index);
        }
    }

    private static MVMap<String, Object> indexMap(MVStore file) {
        return file.openMap(INDEX_MAP, new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
    }

    private static String keyOf(MVMap<String, Object> index, String pid) {
        return index.entrySet().stream().filter(e -> pid.equals(e.getValue())).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + pid));
    }

    private static List<String> ids(MongoCollection<Document> c, Bson filter, Document sort, int[] page) {
        List<String> out = new ArrayList<>();
        c.find(filter).sort(sort).skip(page[0]).limit(page[1]).forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    private static List<String> pids(List<Dataset> datasets) {
        return datasets.stream().map(Dataset::pid).toList();
    }
}
