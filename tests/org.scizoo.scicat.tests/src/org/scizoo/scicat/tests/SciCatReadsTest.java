package org.scizoo.scicat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.ParamConditions;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.FacetCount;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.PanoscQueries;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;
import org.scizoo.headless.UsageException;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SciCatBackend;

/**
 * Reading the catalogue through the real SciCat 4.5.0 with a user's login: each user sees what SciCat lets
 * them see (their group's datasets and public ones), an anonymous reader public ones only, a pid of someone
 * else's is "not found or not yours", and wrong passwords, URLs and servers are said clearly.
 */
class SciCatReadsTest {

    private static final String A1 = "20.500.12345/alice-1";
    private static final String A2 = "20.500.12345/alice-2";
    private static final String B1 = "20.500.12345/bob-1";
    private static final String PUBLIC = "20.500.12345/bob-public";

    @TempDir
    static Path dir;
    private static CatalogStore store;
    private static SciCatBackend scicat;
    private static CatalogStoreProvider stores;

    @BeforeAll
    static void catalogueBehindSciCat() throws Exception {
        stores = OsgiServices.get(CatalogStoreProvider.class);
        Path data = dir.resolve("data");
        store = stores.open(BackendSettings.embedded(data));
        store.upsert(List.of(entry(A1, SciCatBackend.ALICE_GROUP, false, 0),
                entry(A2, SciCatBackend.ALICE_GROUP, false, 1), entry(B1, SciCatBackend.BOB_GROUP, false, 2),
                entry(PUBLIC, SciCatBackend.BOB_GROUP, true, 3)));
        scicat = new SciCatBackend(dir.resolve("scicat"), SciCatBackend.storeUri(data));
    }

    @AfterAll
    static void stop() {
        if (scicat != null) {
            scicat.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void eachUserSeesTheirGroupsDatasetsAndPublicOnesNewestFirst() throws Exception {
        try (CatalogStore alice = open(SciCatBackend.ALICE)) {
            assertEquals(List.of(PUBLIC, A2, A1), pids(alice.findDatasets(DatasetQuery.newest(10))));
            assertEquals(3, alice.countDatasets());
            assertEquals(List.of(A2), pids(alice.findDatasets(new DatasetQuery(null, null, null, 1, 1))), "paged");
            assertTrue(alice.findDataset(B1).isEmpty(), "bob's dataset is not found for alice");
            assertEquals(21.0, alice.findDataset(A1).orElseThrow().metadata("T01").asDouble(), 1e-9);
            assertEquals(1, alice.findDatablocks(A1).size());
            assertTrue(alice.describe().contains("as alice") && !alice.describe().contains("alice-pw"));
        }
        // a token SciCat gave (as its web page shows an OIDC account's) reads as its user
        try (CatalogStore byToken = stores.open(settings(SciCatLogin.of(scicat.url(), null, null,
                scicat.login(SciCatBackend.ALICE), false)))) {
            assertEquals(List.of(PUBLIC, A2, A1), pids(byToken.findDatasets(DatasetQuery.newest(10))));
            assertTrue(byToken.findDataset(B1).isEmpty(), "bob's dataset is not found with alice's token");
            assertTrue(byToken.describe().endsWith(" as alice (token)"), "SciCat says whose: " + byToken.describe());
        }
        try (CatalogStore bob = open(SciCatBackend.BOB)) {
            assertEquals(List.of(PUBLIC, B1), pids(bob.findDatasets(DatasetQuery.newest(10))));
            assertEquals(List.of(B1), pids(bob.findDatasets(new DatasetQuery(null, SciCatBackend.BOB_GROUP, null,
                    0, 10)).stream().filter(d -> !d.isPublished()).toList()));
        }
    }

    @Test
    void anAnonymousReaderSeesPublicDatasetsOnly() throws Exception {
        try (CatalogStore anonymous = stores.open(settings(scicat.anonymous()))) {
            assertEquals(List.of(PUBLIC), pids(anonymous.findDatasets(DatasetQuery.newest(10))));
            assertEquals(1, anonymous.countDatasets());
            assertTrue(anonymous.findDataset(A1).isEmpty());
        }
    }

    @Test
    void aScanlogSelectionComesThroughSciCatInBatches() throws Exception {
        try (CatalogStore alice = open(SciCatBackend.ALICE)) {
            List<String> seen = new java.util.ArrayList<>();
            alice.scanDatasets(new ScanSelection(SciCatBackend.ALICE_GROUP, null, null), 1,
                    batch -> batch.forEach(d -> seen.add(d.pid())), () -> false);
            assertEquals(Set.of(A1, A2), Set.copyOf(seen), "alice's proposal, one per batch");
        }
    }

    @Test
    void aTimeWindowAndNewerThanAreSciCatsDates() throws Exception {
        Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        try (CatalogStore alice = open(SciCatBackend.ALICE)) {
            List<String> seen = new java.util.ArrayList<>();
            alice.scanDatasets(new ScanSelection(null, t0.plusSeconds(30), t0.plusSeconds(120)), 10,
                    batch -> batch.forEach(d -> seen.add(d.pid())), () -> false);
            assertEquals(List.of(A2), seen, "08:00:30 up to (not including) 08:02: alice's second scan only");
            seen.clear();
            alice.scanDatasets(new ScanSelection(null, t0, t0.plusSeconds(60)), 10,
                    batch -> batch.forEach(d -> seen.add(d.pid())), () -> false);
            assertEquals(List.of(A1), seen, "the window's end is not in it");
            assertEquals(List.of(PUBLIC, A2), pids(alice.findDatasets(DatasetQuery.newest(10).newerThan(t0))),
                    "newer than her first scan");
        }
    }

    @Test
    void catalogListReadsThroughSciCat() throws Exception {
        Cli list = Cli.run("catalog", "list", "--scicat", scicat.url(), "--data", dir.resolve("none").toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains(PUBLIC) && !list.out().contains(A1), "anonymous: public only\n" + list.out());
        UsageException noScheme = assertThrows(UsageException.class,
                () -> Cli.run("catalog", "list", "--scicat", "scicat.example.org/api"));
        assertTrue(noScheme.getMessage().contains("http://"), noScheme.getMessage());
        UsageException both = assertThrows(UsageException.class,
                () -> Cli.run("catalog", "list", "--scicat", scicat.url(), "--mongo-uri", "mongodb://x/scicat"));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }

    @Test
    void searchGoesThroughSciCatsOwnQueryWithItsAccessRules() throws Exception {
        try (CatalogStore alice = open(SciCatBackend.ALICE); DatasetSearch search = alice.ownSearch().orElseThrow()) {
            SearchResults warm = search.search(query("", "T01 > 294.5 K"), null);
            // SciCat's full query for a logged-in user selects their groups' datasets (its frontend asks for
            // public ones apart): 22 degC is above 294.5 K; bob's 23 degC and his public 24 degC are not hers
            assertEquals(List.of(A2), warm.hits().stream().map(SearchHit::pid).toList());
            assertEquals(1, warm.total());
            assertEquals(List.of(A1), search.search(query("", "T01 20.5..21.5 degC"), null).hits().stream()
                    .map(SearchHit::pid).toList());
            assertEquals(2, search.size(), "alice's group's datasets");
            SearchResults counted = search.search(new SearchQuery("", List.of(), List.of(), true, 1, 0), null);
            assertEquals(List.of(new FacetCount(SciCatBackend.ALICE_GROUP, 2)), counted.facets().get(FacetDim.PROPOSAL),
                    "SciCat's fullfacet counts every hit, not the page of 1");
            assertEquals(List.of(new FacetCount("raw", 2)), counted.facets().get(FacetDim.TYPE));
            assertEquals(List.of(new FacetCount("2026-11", 2)), counted.facets().get(FacetDim.TIME),
                    "SciCat's days summed into months");
            assertEquals(List.of(A2), search.search(query("", "T01 > 294.5 K").withFacets(List.of(
                    FacetFilter.parse("time=2026-11"), FacetFilter.parse("proposal=" + SciCatBackend.ALICE_GROUP)),
                    false), null).hits().stream().map(SearchHit::pid).toList(), "facets as SciCat's fields");
            assertEquals(0, search.search(query("", "T01 > 0 degC").withFacets(List.of(FacetFilter.parse(
                    "time=2026-10")), false), null).total());
            assertEquals(0, search.search(query("", "T01 > 0 degC").withFacets(List.of(FacetFilter.parse(
                    "type=derived")), false), null).total());
            // the dataset's own fields, as SciCat's fields: a strict time bound one millisecond inside
            assertEquals(List.of(A2), where(search, "{\"creationTime\": {\"gt\": \"2026-11-21T08:00:00Z\"}}"));
            assertEquals(List.of(A1), where(search, "{\"creationTime\": {\"lte\": \"2026-11-21T08:00:00Z\"}}"));
            assertEquals(List.of(A1), where(search, "{\"pid\": {\"inq\": [\"" + A1 + "\", \"" + B1 + "\"]}}"),
                    "bob's pid is not hers to find");
            assertEquals(List.of(A2, A1), where(search, "{\"and\": [{\"size\": {\"gte\": 1}}, {\"type\": \"raw\"},"
                    + " {\"isPublished\": false}]}"));
            assertEquals(List.of(), where(search, "{\"size\": {\"gt\": 1}}"));
            InvalidQueryException notText = assertThrows(InvalidQueryException.class,
                    () -> where(search, "{\"ownerGroup\": {\"neq\": \"x\"}}"));
            assertTrue(notText.getMessage().contains("SciCat's query has no '!=' on a text"), notText.getMessage());
            InvalidQueryException technique = assertThrows(InvalidQueryException.class, () -> search.search(
                    query("", "T01 > 0 degC").withFacets(List.of(FacetFilter.parse("technique=XPS")), false), null));
            assertTrue(technique.getMessage().contains("cannot keep datasets by technique"), technique.getMessage());
            // SciCat's text search is MongoDB's $text on the text indexes SciCat asks for at start, which the
            // embedded stand-in (mongo-java-server) cannot make: here SciCat answers 500, and that is said
            CatalogException text = assertThrows(CatalogException.class,
                    () -> search.search(new SearchQuery("scan", List.of(), 10, 0), null));
            assertTrue(text.getMessage().contains("text index"), text.getMessage());
        }
        Cli anonymous = Cli.run("catalog", "search", "--param", "T01 > 20 degC", "--json", "--scicat", scicat.url(),
                "--data", dir.resolve("none").toString());
        assertEquals(0, anonymous.exit(), anonymous.err());
        Document found = Document.parse(anonymous.out());
        assertEquals(List.of(PUBLIC), found.getList("hits", Document.class).stream().map(h -> h.getString("pid"))
                .toList(), "anonymous: the public one only");
        assertEquals(1, found.get("total", Number.class).intValue());
        Cli neq = Cli.run("catalog", "search", "--param", "T01 != 3 degC", "--scicat", scicat.url(), "--data",
                dir.resolve("none").toString());
        assertEquals(2, neq.exit());
        assertTrue(neq.err().contains("SciCat's query has no '!='"), neq.err());
        Cli or = Cli.run("catalog", "search", "--where", "{\"or\": [{\"variable\": \"T01\", \"operator\": \"lt\","
                + " \"value\": 1}, {\"variable\": \"T01\", \"operator\": \"gt\", \"value\": 30}]}", "--scicat",
                scicat.url(), "--data", dir.resolve("none").toString());
        assertEquals(2, or.exit());
        assertTrue(or.err().contains("'and' only"), or.err());
    }

    private static List<String> where(DatasetSearch search, String json) throws Exception {
        return search.search(PanoscQueries.parse(json, "", 10), null).hits().stream().map(SearchHit::pid).toList();
    }

    private static SearchQuery query(String text, String condition) throws Exception {
        return new SearchQuery(text, List.<Criterion>of(ParamConditions.parse(condition)), 10, 0);
    }

    @Test
    void badLoginsAndServersAreSaidClearly() throws Exception {
        CatalogException wrong = assertThrows(CatalogException.class,
                () -> stores.open(settings(SciCatLogin.of(scicat.url(), SciCatBackend.ALICE, "not-her-password",
                        null, false))));
        assertTrue(wrong.getMessage().contains("refused the login"), wrong.getMessage());
        CatalogException expired = assertThrows(CatalogException.class,
                () -> stores.open(settings(SciCatLogin.of(scicat.url(), null, null, "not.a.token", false))));
        assertTrue(expired.getMessage().contains("does not accept this token"), expired.getMessage());
        int closed = org.scizoo.tests.support.FreePorts.next();
        CatalogException nothing = assertThrows(CatalogException.class,
                () -> stores.open(settings(SciCatLogin.of("http://127.0.0.1:" + closed, null, null, null, false))));
        assertTrue(nothing.getMessage().contains("not reachable"), nothing.getMessage());
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpInTime() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            // accepts connections and says nothing, as a hung proxy or backend does
            Thread accepting = Thread.ofPlatform().daemon().start(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (java.io.IOException ignored) {
                            // closing
                        }
                    });
                }
            });
            long t0 = System.nanoTime();
            BackendSettings settings = new BackendSettings(dir.resolve("unused"), null, Duration.ofSeconds(1))
                    .withSciCat(SciCatLogin.of("http://127.0.0.1:" + silent.getLocalPort(), null, null, null, false));
            CatalogException slow = assertThrows(CatalogException.class, () -> stores.open(settings));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(slow.getMessage().contains("did not answer") && seconds < 15,
                    slow.getMessage() + " after " + seconds + " s");
            silent.close();
            accepting.join(5000);
        }
    }

    private static CatalogStore open(String user) throws CatalogException {
        return stores.open(settings(scicat.loginOf(user)));
    }

    private static BackendSettings settings(SciCatLogin login) {
        return new BackendSettings(dir.resolve("unused"), null, Duration.ofSeconds(5)).withSciCat(login);
    }

    private static List<String> pids(List<Dataset> datasets) {
        return datasets.stream().map(Dataset::pid).collect(Collectors.toList());
    }

    private static CatalogEntry entry(String pid, String group, boolean published, int minute) {
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(60L * minute))
                .datasetName("scan " + pid).ownerGroup(group).proposalIds(List.of(group)).isPublished(published)
                .metadata("T01", MetadataValue.of(21.0 + minute, "degC")).build();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, 1, null, group, List.of(),
                List.of(new DataFile("scan.h5", 1, d.creationTime(), null)))));
    }
}
