package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.DatasetField;
import org.scizoo.core.search.FieldCondition;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.PanoscQueries;
import org.scizoo.core.search.ParamCondition;
import org.scizoo.core.search.ParamCondition.Op;
import org.scizoo.core.search.ParamConditions;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.tests.support.OsgiServices;

/**
 * Search over the catalogue with the Lucene index: conditions typed as a user types them, compared in SI
 * units whatever unit each beamline wrote (degC and K, keV and eV), words ranked by BM25 with scores in
 * [0, 1], access applied inside the engine, a dataset stored while the index is open found at once, the
 * index kept in the data folder, and {@code scizoo catalog search} printing it all.
 */
class CatalogSearchTest {

    @TempDir
    Path dir;

    @Test
    void conditionsAreReadAsTypedAndMistakesSaidWithTheirPosition() throws Exception {
        assertEquals(new ParamCondition("T01", Op.GT, List.of(300.0), "K"), ParamConditions.parse("T01 > 300 K"));
        assertEquals(new ParamCondition("energy", Op.BETWEEN, List.of(12.0, 13.0), "keV"),
                ParamConditions.parse("energy 12..13 keV"));
        assertEquals(new ParamCondition("frames", Op.INQ, List.of(10.0, 12.0), ""),
                ParamConditions.parse("frames in 10, 12"));
        assertEquals(new ParamCondition("sample_concentration", Op.LTE, List.of(2.5), "mg/ml"),
                ParamConditions.parse("sample_concentration<=2.5 mg/ml"));
        InvalidQueryException noOp = assertThrows(InvalidQueryException.class, () -> ParamConditions.parse("T01 ~ 3"));
        assertTrue(noOp.getMessage().startsWith("position 5 of 'T01 ~ 3': expected an operator"), noOp.getMessage());
        InvalidQueryException empty = assertThrows(InvalidQueryException.class,
                () -> ParamConditions.parse("energy 13..12 keV"));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
        assertThrows(InvalidQueryException.class, () -> ParamConditions.parse("T01 > ".repeat(200)));
    }

    @Test
    void panoscsQueryLanguageIsReadAndWhatIsNotInItRefusedWithWhere() throws Exception {
        SearchQuery q = PanoscQueries.parse("""
                {"where": {"or": [{"variable": "T01", "operator": "gt", "value": 300, "unit": "K"},
                                  {"and": [{"variable": "energy", "operator": "between", "value": [12, 13],
                                            "unit": "keV"}, {"variable": "frames", "operator": "inq",
                                            "value": [10, 12]}]}]},
                 "query": "lysozyme", "limit": 5, "skip": 1}""", "buffer", 20);
        assertEquals("buffer lysozyme", q.text());
        assertEquals(5, q.limit());
        assertEquals(1, q.skip());
        assertEquals(List.of(new Criterion.AnyOf(List.of(new ParamCondition("T01", Op.GT, List.of(300.0), "K"),
                new Criterion.AllOf(List.of(new ParamCondition("energy", Op.BETWEEN, List.of(12.0, 13.0), "keV"),
                        new ParamCondition("frames", Op.INQ, List.of(10.0, 12.0), "")))))),
                q.conditions());
        assertEquals(List.of(new Criterion.AllOf(List.of(new FieldCondition(DatasetField.SIZE, Op.GT, List.of(1000.0)),
                new FieldCondition(DatasetField.TYPE, Op.EQ, List.of("raw")), new FieldCondition(
                        DatasetField.CREATION_TIME, Op.BETWEEN, List.of(Instant.parse("2026-11-20T00:00:00Z"),
                                Instant.parse("2026-11-21T08:00:00Z")))))),
                PanoscQueries.parse("""
                        {"where": {"size": {"gt": 1000}, "type": "raw",
                                   "creationTime": {"between": ["2026-11-20", "2026-11-21T08:00:00Z"]}}}""", "", 20)
                        .conditions(),
                "the dataset's own fields, as LoopBack writes them");
        assertEquals(List.of(new ParamCondition("T01", Op.LT, List.of(3.0), "")),
                PanoscQueries.parse("{\"query\": {\"variable\": \"T01\", \"operator\": \"lt\", \"value\": 3}}", "", 20)
                        .conditions(),
                "a bare where, the parameter under query as in PaNOSC's example");
        String deep = "{\"where\": " + "{\"or\": [".repeat(20) + "{}" + "]}".repeat(20) + "}";
        for (String[] bad : new String[][] {
                { "{\"where\": {\"$where\": \"sleep(10000)\"}}", "MongoDB operators are not part" },
                { "{\"where\": {\"variable\": \"T01\", \"operator\": \"$regex\", \"value\": 1}}",
                        "unknown operator '$regex'" },
                { "{\"where\": {\"variable\": \"T01\", \"operator\": \"gt\", \"value\": \"hot\"}}",
                        "where.value: expected a number" },
                { "{\"where\": {\"variable\": \"T01\", \"value\": 1, \"$function\": {}}}",
                        "MongoDB operators are not part" },
                { "{\"where\": {\"title\": \"x\"}}", "unknown key 'title'" },
                { "{\"where\": {\"type\": {\"gt\": \"raw\"}}}", "compared by eq, neq or inq only" },
                { "{\"where\": {\"size\": {\"$gt\": 1}}}", "MongoDB operators are not part" },
                { "{\"where\": {\"size\": {\"gt\": \"big\"}}}", "where.size.gt: expected a number" },
                { "{\"where\": {\"creationTime\": \"yesterday\"}}", "'yesterday' is not a time" },
                { "{\"where\": {\"isPublished\": \"yes\"}}", "expected true or false" },
                { "{\"where\": {\"creationTime\": {\"between\": [\"2026-11-20\"]}}}", "takes two values" },
                { "{\"where\": ", "not a JSON object" },
                { deep, "deep" },
                { "{\"query\": \"" + "x".repeat(PanoscQueries.MAX_CHARS) + "\"}", "at most" } }) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> PanoscQueries.parse(bad[0], "",
                    20), bad[0].length() > 80 ? bad[0].substring(0, 80) : bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void conditionsCompareInSiUnitsWordsRankAndAccessIsTheEnginesOwn() throws Exception {
        CatalogStoreProvider stores = OsgiServices.get(CatalogStoreProvider.class);
        DatasetSearchProvider engine = OsgiServices.get(DatasetSearchProvider.class);
        Path data = dir.resolve("data");
        List<String> progress = new ArrayList<>();
        try (CatalogStore store = stores.open(BackendSettings.embedded(data))) {
            store.upsert(List.of(
                    sized(entry("warm-c", "lysozyme at room temperature", "lysozyme in buffer", "p1", false,
                            Map.of("T01", MetadataValue.of(30.0, "degC"), "energy", MetadataValue.of(12.4, "keV")))),
                    entry("warm-k", "buffer blank", "a lysozyme sample nearby", "p1", false,
                            Map.of("T01", MetadataValue.of(305.0, "K"), "energy", MetadataValue.of(12_400.0, "eV"))),
                    entry("cold", "ferritin", "cryo", "p2", false,
                            Map.of("T01", MetadataValue.of(-20.0, "degC"), "energy", MetadataValue.of(8.0, "keV"))),
                    entry("public", "lysozyme, published", "lysozyme reference data", "p3", true,
                            Map.of("T01", MetadataValue.of(20.0, "degC")))));
            try (DatasetSearch search = engine.open(store, data.resolve("search-index"), progress::add)) {
                assertEquals(4, search.size());
                assertTrue(progress.stream().anyMatch(p -> p.contains("building")), progress.toString());

                assertEquals(Set.of("warm-c", "warm-k"), pids(search, "", "T01 > 300 K"),
                        "30 degC is 303.15 K; 305 K");
                assertEquals(Set.of("warm-c", "warm-k"), pids(search, "", "energy 12..13 keV"), "12.4 keV = 12400 eV");
                assertEquals(Set.of("cold"), pids(search, "", "T01 < 0 degC"));
                assertEquals(Set.of("warm-c", "warm-k", "cold"), pids(search, "", "T01 != 20 degC"));

                List<SearchHit> words = search.search(new SearchQuery("lysozymes", List.of(), 10, 0), null).hits();
                assertEquals(3, words.size(), "stemmed: lysozymes finds lysozyme " + words);
                assertEquals(1.0, words.get(0).score(), 1e-9, "the best is 1");
                assertTrue(words.stream().allMatch(h -> h.score() > 0 && h.score() <= 1), words.toString());
                assertTrue(words.get(2).pid().endsWith("warm-k"), "in the description only, it ranks last: " + words);
                assertEquals(Set.of("warm-c", "public"), pids(search, "lysozyme", "T01 <= 30 degC"));
                SearchQuery either = PanoscQueries.parse("""
                        {"or": [{"variable": "T01", "operator": "lt", "value": 0, "unit": "degC"},
                                {"variable": "energy", "operator": "gte", "value": 12000, "unit": "eV"}]}""", "", 10);
                assertEquals(Set.of("cold", "warm-c", "warm-k"), Set.copyOf(search.search(either, null).hits().stream()
                        .map(CatalogSearchTest::name).toList()), "or: the cold one, and those at 12.4 keV");

                assertEquals(Set.of("warm-c", "warm-k", "public"),
                        Set.copyOf(search.search(new SearchQuery("", List.of(),
                                10, 0), Set.of("p1")).hits().stream().map(CatalogSearchTest::name).toList()),
                        "p1's and public ones, counted inside the engine");
                assertEquals(3, search.search(new SearchQuery("", List.of(), 1, 0), Set.of("p1")).total());

                // the dataset's own fields, as LoopBack writes them
                assertEquals(Set.of("warm-c", "warm-k"), where(search, "{\"proposalIds\": \"p1\"}"));
                assertEquals(Set.of("public"), where(search, "{\"isPublished\": true}"));
                assertEquals(Set.of("cold", "public"), where(search, "{\"ownerGroup\": {\"inq\": [\"p2\", \"p3\"]}}"));
                assertEquals(Set.of("cold", "public"), where(search, "{\"ownerGroup\": {\"neq\": \"p1\"}}"));
                assertEquals(Set.of("warm-c"), where(search, "{\"size\": {\"gt\": 100}}"), "its size is 1000");
                assertEquals(Set.of("warm-k", "cold", "public"), where(search, "{\"numberOfFiles\": {\"lt\": 2}}"));
                assertEquals(Set.of(), where(search, "{\"creationTime\": {\"lt\": \"2026-11-20\"}}"));
                assertEquals(4, where(search, "{\"creationTime\": {\"between\": [\"2026-11-20\", \"2026-11-22\"]}}")
                        .size());
                assertEquals(Set.of("warm-k"), where(search, "{\"and\": [{\"proposalIds\": \"p1\"}, {\"size\": 1},"
                        + " {\"variable\": \"T01\", \"operator\": \"gt\", \"value\": 300, \"unit\": \"K\"}]}"),
                        "with a scientific condition");

                InvalidQueryException odd = assertThrows(InvalidQueryException.class,
                        () -> search.search(
                                new SearchQuery("", List.<Criterion>of(ParamConditions.parse("T01 > 3 furlong")), 10,
                                        0),
                                null));
                assertTrue(odd.getMessage().contains("not one SciCat converts"), odd.getMessage());
                InvalidQueryException wrong = assertThrows(InvalidQueryException.class,
                        () -> search.search(
                                new SearchQuery("", List.<Criterion>of(ParamConditions.parse("T01 > 3 keV")), 10, 0),
                                null));
                assertTrue(wrong.getMessage().contains("does not convert to what T01 is stored in (SI: K)"),
                        wrong.getMessage());

                CatalogEntry late = entry("late", "lysozyme again", "", "p1", false,
                        Map.of("T01", MetadataValue.of(400.0, "K")));
                store.upsert(List.of(late));
                long t0 = System.nanoTime();
                search.stored(List.of(late.dataset()));
                assertEquals(Set.of("late"), pids(search, "", "T01 > 350 K"));
                assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "found within 1 s of being stored");
            }
            progress.clear();
            try (DatasetSearch again = engine.open(store, data.resolve("search-index"), progress::add)) {
                assertEquals(5, again.size(), "kept in the data folder");
                assertTrue(progress.isEmpty(), "not built again: " + progress);
            }
        }
    }

    /**
     * An index an earlier SciZoo left (unsorted, of version 2, and holding as many documents as the catalogue
     * has datasets, so a count alone would keep it) is made anew when opened, and then finds by the fields
     * the earlier one did not hold.
     */
    @Test
    void anIndexOfAnEarlierVersionIsMadeAnew() throws Exception {
        Path data = dir.resolve("older");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            store.upsert(List.of(entry("a", "lysozyme", "", "p1", false, Map.of("T01", MetadataValue.of(310.0, "K")))));
            Path index = data.resolve("search-index");
            try (var directory = org.apache.lucene.store.FSDirectory.open(index);
                    var older = new org.apache.lucene.index.IndexWriter(directory,
                            new org.apache.lucene.index.IndexWriterConfig(
                                    new org.apache.lucene.analysis.standard.StandardAnalyzer()))) {
                var doc = new org.apache.lucene.document.Document();
                doc.add(new org.apache.lucene.document.StringField("pid", "20.500.12345/search-a",
                        org.apache.lucene.document.Field.Store.YES));
                older.addDocument(doc);
                older.setLiveCommitData(Map.of("scizoo.search.version", "2").entrySet());
                older.commit();
            }
            List<String> progress = new ArrayList<>();
            try (DatasetSearch search = OsgiServices.get(DatasetSearchProvider.class).open(store, index,
                    progress::add)) {
                assertTrue(progress.stream().anyMatch(p -> p.contains("made anew") || p.contains("earlier version")),
                        progress.toString());
                assertEquals(1, search.size());
                assertEquals(Set.of("a"), where(search, "{\"proposalIds\": \"p1\"}"));
                assertEquals(Set.of("a"), pids(search, "lysozyme", "T01 > 300 K"));
            }
        }
    }

    @Test
    void catalogSearchPrintsPidsScoresAndNamesOrJson() throws Exception {
        Path data = dir.resolve("cli");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            store.upsert(List.of(
                    entry("a", "lysozyme warm", "", "p1", false, Map.of("T01", MetadataValue.of(310.0, "K"))),
                    entry("b", "lysozyme cold", "", "p1", false, Map.of("T01", MetadataValue.of(5.0, "degC")))));
        }
        CliTest.Run text = CliTest.run("catalog", "search", "lysozyme", "--param", "T01 > 300 K", "--data",
                data.toString());
        assertEquals(CliCommand.OK, text.exit(), text.err());
        assertTrue(
                text.out().startsWith("1 of 1 datasets found") && text.out().contains("1.000  20.500.12345/search-a"),
                text.out());
        CliTest.Run json = CliTest.run("catalog", "search", "lysozyme", "--json", "--data", data.toString());
        assertEquals(CliCommand.OK, json.exit(), json.err());
        Document answer = Document.parse(json.out());
        assertEquals(2, answer.get("total", Number.class).intValue());
        assertEquals(1.0, answer.getList("hits", Document.class).get(0).getDouble("score"), 1e-9);
        UsageException bad = assertThrows(UsageException.class,
                () -> CliTest.run("catalog", "search", "--param", "T01 >", "--data", data.toString()));
        assertTrue(bad.getMessage().contains("expected a number"), bad.getMessage());
        CliTest.Run where = CliTest.run("catalog", "search", "--where",
                "{\"where\": {\"variable\": \"T01\", \"operator\": \"lt\", \"value\": 10, \"unit\": \"degC\"}}",
                "--json",
                "--data", data.toString());
        assertEquals(CliCommand.OK, where.exit(), where.err());
        assertEquals(List.of("20.500.12345/search-b"), Document.parse(where.out()).getList("hits", Document.class)
                .stream().map(h -> h.getString("pid")).toList());
        UsageException mongo = assertThrows(UsageException.class, () -> CliTest.run("catalog", "search", "--where",
                "{\"where\": {\"$where\": \"1\"}}", "--data", data.toString()));
        assertTrue(mongo.getMessage().contains("MongoDB operators"), mongo.getMessage());
        CliTest.Run unit = CliTest.run("catalog", "search", "--param", "T01 > 3 keV", "--data", data.toString());
        assertEquals(CliCommand.USAGE, unit.exit());
        assertTrue(unit.err().contains("does not convert"), unit.err());
    }

    private static Set<String> where(DatasetSearch search, String json) throws Exception {
        return Set.copyOf(search.search(PanoscQueries.parse(json, "", 100), null).hits().stream()
                .map(CatalogSearchTest::name).toList());
    }

    private static Set<String> pids(DatasetSearch search, String text, String condition) throws Exception {
        return Set.copyOf(
                search.search(new SearchQuery(text, List.<Criterion>of(ParamConditions.parse(condition)), 100, 0), null)
                        .hits().stream().map(CatalogSearchTest::name).toList());
    }

    /** The pid without its common start: {@code warm-c}. */
    private static String name(SearchHit h) {
        return h.pid().substring(h.pid().indexOf("search-") + "search-".length());
    }

    /** The entry with 1000 bytes in 2 files. */
    private static CatalogEntry sized(CatalogEntry e) {
        return new CatalogEntry(e.dataset().toBuilder().size(1000).numberOfFiles(2).build(), e.datablocks());
    }

    private static CatalogEntry entry(String name, String datasetName, String description, String group,
            boolean published, Map<String, MetadataValue> metadata) {
        Dataset d = Dataset.builder().pid("20.500.12345/search-" + name).owner("Ada Lovelace")
                .contactEmail("ada@example.org").sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-20T08:00:00Z").plusSeconds(name.hashCode() & 0xffff))
                .datasetName(datasetName).description(description).ownerGroup(group).proposalIds(List.of(group))
                .isPublished(published).scientificMetadata(metadata).build();
        return new CatalogEntry(d, List.of());
    }
}
