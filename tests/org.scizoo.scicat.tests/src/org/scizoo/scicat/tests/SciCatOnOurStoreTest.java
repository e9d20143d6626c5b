package org.scizoo.scicat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SciCatBackend;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * SciCat 4.5.0 run on the embedded store while the store holds our datasets: SciCat reads what we write
 * as its own (unit-aware conditions, encoded keys, the fields its schema requires), what SciCat keeps in
 * our documents survives our writing them again, and after SciCat (which asks for text indexes the store
 * cannot build) the catalogue opens again, its indexes kept, for the store and the CLI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SciCatOnOurStoreTest {

    private static final String WARM = "20.500.12345/scicat-warm";
    private static final String COLD = "20.500.12345/scicat-cold";
    private static final String PROPOSAL = "20250042";

    @TempDir
    static Path dir;
    private static Path data;
    private static CatalogStore store;
    private static SciCatBackend scicat;
    private static String admin;

    @BeforeAll
    static void storeWithOurDatasetsAndSciCatOnIt() throws Exception {
        data = dir.resolve("data");
        store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data));
        store.upsert(List.of(entry(WARM, 21.5, null), entry(COLD, 19.0, null)));
        store.upsertProposal(proposal("Lysozyme in the cold"));
        scicat = new SciCatBackend(dir.resolve("scicat"), SciCatBackend.storeUri(data));
        admin = scicat.login(SciCatBackend.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (scicat != null) {
            scicat.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(1)
    void sciCatsUnitAwareConditionsFindOurValues() throws Exception {
        assertEquals(List.of(WARM), pidsWhere("T01", "GREATER_THAN", 20, "degC"));
        assertEquals(List.of(WARM), pidsWhere("T01", "GREATER_THAN", 293.5, "K"), "the same condition in kelvin");
        assertEquals(List.of(COLD), pidsWhere("T01", "LESS_THAN", 293.0, "K"));
        // a Tango attribute's name as key: SciCat encodes the condition's name as we encode the key
        assertEquals(List.of(COLD, WARM), sorted(pidsWhere("B310A/DIA/TCO-02.temp", "LESS_THAN", 2, "cm")));
        assertEquals(List.of(WARM), pidsWhere("energy", "GREATER_THAN", 12000, "eV"));
    }

    @Test
    @Order(2)
    void sciCatReadsTheFieldsItsSchemaRequires() throws Exception {
        Document d = scicat.json("GET", "/v3/datasets/" + SciCatBackend.query(WARM), admin, null);
        assertEquals("4", d.getString("version"));
        assertEquals("datasetCreated", d.get("datasetlifecycle", Document.class).getString("archiveStatusMessage"));
        assertEquals("2026-11-21T08:00:00.123Z", d.getString("creationTime"), "milliseconds kept");
        assertTrue(d.getString("updatedAt") != null && d.getString("createdAt") != null, d.toJson());
        Document t01 = d.get("scientificMetadata", Document.class).get("T01", Document.class);
        assertEquals(294.65, ((Number) t01.get("valueSI")).doubleValue(), 1e-9);
        assertEquals("K", t01.getString("unitSI"));
        Document blocks = scicat.json("GET", "/v3/datasets/" + SciCatBackend.query(WARM) + "/origdatablocks", admin,
                null);
        assertEquals(1, blocks.getList("r", Object.class).size(), blocks.toJson());
        // the keys SciCat's key browser offers for the dataset: those SciCat would have kept for it
        String where = new Document("where", new Document("sourceId", WARM)).toJson();
        Document keys = scicat.json("GET", "/v4/metadatakeys?filter=" + SciCatBackend.query(where), admin, null);
        List<String> names = new ArrayList<>();
        keys.getList("r", Document.class).forEach(k -> names.add(k.getString("key")));
        assertEquals(List.of("B310A%2FDIA%2FTCO-02%2Etemp", "T01", "energy"), names.stream().sorted().toList(),
                keys.toJson());
    }

    @Test
    @Order(3)
    void whatSciCatKeepsInOurDocumentsSurvivesOurWritingThemAgain() throws Exception {
        String pid = "/v3/datasets/" + SciCatBackend.query(WARM);
        scicat.json("PATCH", pid, admin, new Document("datasetlifecycle",
                new Document("archivable", false).append("archiveStatusMessage", "datasetOnArchiveDisk")).toJson());
        scicat.json("PATCH", pid, admin, new Document("keywords", List.of("by SciCat")).toJson());
        String proposal = "/v3/proposals/" + PROPOSAL;
        scicat.json("PATCH", proposal, admin, new Document("MeasurementPeriodList", List.of(new Document(
                "instrument", "sim-saxs").append("start", "2026-11-21T08:00:00.000Z")
                .append("end", "2026-11-22T08:00:00.000Z").append("comment", "beamtime"))).toJson());

        // a replay of the dataset's message, with what the scan's end adds, and the proposal again
        store.upsert(List.of(entry(WARM, 21.5, "end of scan")));
        store.upsertProposal(proposal("Lysozyme in the cold, again"));

        Document d = scicat.json("GET", pid, admin, null);
        assertEquals("datasetOnArchiveDisk",
                d.get("datasetlifecycle", Document.class).getString("archiveStatusMessage"), d.toJson());
        assertEquals("end of scan", d.getString("description"), "our field written");
        assertEquals(List.of("sim-saxs"), d.getList("keywords", String.class), "ours again: we own keywords");
        assertTrue(d.get("scientificMetadata", Document.class).containsKey("T01"));
        Document p = scicat.json("GET", proposal, admin, null);
        assertEquals("Lysozyme in the cold, again", p.getString("title"));
        assertEquals(1, p.getList("MeasurementPeriodList", Object.class).size(), "SciCat's field kept: " + p.toJson());

        // the archive's state as the dataset page reads it: from our store, and through SciCat with a login
        Lifecycle ours = store.findLifecycle(WARM).orElseThrow();
        assertEquals("datasetOnArchiveDisk", ours.archiveStatusMessage());
        assertEquals(false, ours.archivable());
        assertEquals("archive: dataset on archive disk; retrieval: none asked", ours.summary());
        try (CatalogStore viaSciCat = OsgiServices.get(CatalogStoreProvider.class).open(new BackendSettings(
                dir.resolve("unused"), null, java.time.Duration.ofSeconds(5)).withSciCat(
                        scicat.loginOf(
                                SciCatBackend.ADMIN)))) {
            assertEquals(ours, viaSciCat.findLifecycle(WARM).orElseThrow(), "SciCat answers the same state");
            assertTrue(viaSciCat.findLifecycle("20.500.12345/no-such-dataset").isEmpty());
        }
        assertTrue(store.findLifecycle("20.500.12345/no-such-dataset").isEmpty());
    }

    @Test
    @Order(4)
    void afterSciCatTheCatalogueOpensAgainWithSciCatsIndexesKept() throws Exception {
        List<String> before = indexNames();
        assertTrue(before.size() > 2, "SciCat made its indexes: " + before);
        scicat.close();
        store.close();
        store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data));
        assertEquals(2, store.findDatasets(DatasetQuery.newest(10)).size());
        assertEquals(before, indexNames(), "our opening left the other clients' indexes alone");
        assertEquals(0, Cli.run("catalog", "list", "--data", data.toString()).exit(), "the CLI opens it too");
        store.close();
        store = null;
    }

    /** A catalogue an earlier SciZoo kept SciCat's text index definitions in (made so by SciCat 4.5.0). */
    @Test
    @Order(5)
    void aCatalogueHoldingIndexesItCannotBuildOpens() throws Exception {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        try (var in = org.osgi.framework.FrameworkUtil.getBundle(getClass())
                .getEntry("fixtures/catalog-after-scicat-4.5.0.mv").openStream()) {
            Files.copy(in, old.resolve("catalog.mv"));
        }
        Cli list = Cli.run("catalog", "list", "--data", old.toString());
        assertEquals(0, list.exit(), list.err());
        assertEquals(12, list.out().lines().filter(l -> l.contains("sim-saxs scan")).count(), list.out());
        try (CatalogStore reopened = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(old))) {
            assertEquals(12, reopened.findDatasets(DatasetQuery.newest(100)).size());
        }
    }

    private static List<String> pidsWhere(String key, String relation, double value, String unit) throws Exception {
        String fields = new Document("scientific", List.of(new Document("lhs", key).append("relation", relation)
                .append("rhs", value).append("unit", unit))).toJson();
        Document r = scicat.json("GET", "/v3/datasets/fullquery?fields=" + SciCatBackend.query(fields)
                + "&limits=" + SciCatBackend.query("{\"limit\": 10}"), admin, null);
        List<String> pids = new ArrayList<>();
        for (Object o : r.getList("r", Object.class)) {
            pids.add(((Document) o).getString("pid"));
        }
        return pids;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    /** The index names of SciCat's Dataset collection, as a client sees them. */
    private static List<String> indexNames() throws Exception {
        String uri = SciCatBackend.storeUri(data);
        try (MongoClient c = MongoClients.create(uri)) {
            List<String> names = new ArrayList<>();
            c.getDatabase("scicat").getCollection("Dataset").listIndexes()
                    .forEach(i -> names.add(i.getString("name")));
            return names.stream().sorted().toList();
        }
    }

    private static CatalogEntry entry(String pid, double t01, String description) {
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-21T08:00:00.123Z").plusSeconds(t01 > 20 ? 0 : 60))
                .datasetName("scan " + pid).description(description).ownerGroup(PROPOSAL)
                .proposalIds(List.of(PROPOSAL)).keywords(List.of("sim-saxs"))
                .metadata("T01", MetadataValue.of(t01, "degC"))
                .metadata("B310A/DIA/TCO-02.temp", MetadataValue.of(t01 > 20 ? 12.0 : 8.0, "mm"))
                .metadata("energy", MetadataValue.of(t01 > 20 ? 12.4 : 8.0, "keV"))
                .createdBy("scizoo-ingest").createdAt(Instant.parse("2026-11-21T08:00:01Z")).build();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, 1, null, PROPOSAL, List.of(),
                List.of(new DataFile("scan.h5", 1, d.creationTime(), null)))));
    }

    private static Proposal proposal(String title) {
        return new Proposal(PROPOSAL, title, "ada@example.org", "Ada", "Lovelace", "ada@example.org", PROPOSAL,
                List.of(), null, Instant.parse("2026-11-21T08:00:00Z"), Instant.parse("2026-11-22T08:00:00Z"));
    }
}
