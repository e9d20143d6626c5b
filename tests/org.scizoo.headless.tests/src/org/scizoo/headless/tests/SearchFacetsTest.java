package org.scizoo.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.DatasetType;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Technique;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.FacetCount;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamConditions;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.tests.support.OsgiServices;

/**
 * Facets in the Lucene index (Lucene's facet module): each facet's values counted over all of a search's
 * hits (not only the page), picked values keeping their datasets (several of one facet: any; of different
 * facets: all), together with words and unit-aware conditions, only over what the asking groups may see;
 * and {@code scizoo catalog search --facet … --facets}.
 */
class SearchFacetsTest {

    @TempDir
    Path dir;

    @Test
    void facetsCountEveryHitAndPickedValuesKeepTheirDatasets() throws Exception {
        Path data = dir.resolve("data");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            store.upsert(List.of(
                    entry("a", "p1", "FlexPES", "XPS", DatasetType.RAW, "2026-10-03T10:00:00Z", 300),
                    entry("b", "p1", "FlexPES", "XPS", DatasetType.RAW, "2026-11-05T10:00:00Z", 20),
                    entry("c", "p1", "FlexPES", "NEXAFS", DatasetType.DERIVED, "2026-11-06T10:00:00Z", 320),
                    entry("d", "p2", "Bloch", "ARPES", DatasetType.RAW, "2026-11-07T10:00:00Z", 330),
                    entry("e", "p3", "Bloch", "ARPES", DatasetType.RAW, "2025-12-31T23:30:00Z", 10)));
            try (DatasetSearch search = OsgiServices.get(DatasetSearchProvider.class).open(store,
                    data.resolve("search-index"), m -> {
                    })) {
                SearchResults all = search.search(query("", List.of(), 2), null);
                assertEquals(5, all.total());
                assertEquals(2, all.hits().size());
                assertEquals(List.of(new FacetCount("p1", 3), new FacetCount("p2", 1), new FacetCount("p3", 1)),
                        all.facets().get(FacetDim.PROPOSAL), "counted over every hit, not the page of 2");
                assertEquals(List.of(new FacetCount("ARPES", 2), new FacetCount("XPS", 2),
                        new FacetCount("NEXAFS", 1)), all.facets().get(FacetDim.TECHNIQUE));
                assertEquals(List.of(new FacetCount("raw", 4), new FacetCount("derived", 1)),
                        all.facets().get(FacetDim.TYPE));
                assertEquals(List.of(new FacetCount("2026-11", 3), new FacetCount("2026-10", 1),
                        new FacetCount("2025-12", 1)), all.facets().get(FacetDim.TIME), "months newest first, UTC");

                assertEquals(Set.of("a", "b", "c"), names(search.search(query("", List.of("proposal=p1"), 10), null)));
                assertEquals(Set.of("b", "c"), names(search.search(query("", List.of("proposal=p1", "time=2026-11"),
                        10), null)), "different facets: all hold");
                assertEquals(Set.of("a", "b", "c", "d"), names(search.search(query("", List.of("proposal=p1",
                        "proposal=p2"), 10), null)), "one facet's values: any");
                SearchResults warm = search.search(new SearchQuery("flexpes", List.<Criterion>of(
                        ParamConditions.parse("T01 > 25 degC")), List.of(FacetFilter.parse("type=raw")), true, 10, 0),
                        null);
                assertEquals(Set.of("a"), names(warm), "words, a condition in degC on kelvins, and a facet");
                assertEquals(List.of(new FacetCount("FlexPES", 1)), warm.facets().get(FacetDim.INSTRUMENT));

                SearchResults p2 = search.search(query("", List.of(), 10), Set.of("p2"));
                assertEquals(List.of(new FacetCount("p2", 1)), p2.facets().get(FacetDim.PROPOSAL),
                        "only what the groups may see is counted");
                assertEquals(Map.of(), search.search(new SearchQuery("", List.of(), 10, 0), null).facets(),
                        "not counted unless asked");
            }
        }
        CliTest.Run text = CliTest.run("catalog", "search", "--facet", "instrument=Bloch", "--facets", "--data",
                data.toString());
        assertEquals(CliCommand.OK, text.exit(), text.err());
        assertTrue(text.out().startsWith("2 of 2 datasets found"), text.out());
        assertTrue(text.out().contains("proposal: p2 (1), p3 (1)"), text.out());
        assertTrue(text.out().contains("time: 2026-11 (1), 2025-12 (1)"), text.out());
        CliTest.Run json = CliTest.run("catalog", "search", "--facet", "technique=XPS", "--facets", "--json", "--data",
                data.toString());
        assertEquals(CliCommand.OK, json.exit(), json.err());
        Document facets = Document.parse(json.out()).get("facets", Document.class);
        assertEquals(List.of(new Document("value", "FlexPES").append("count", 2)),
                facets.getList("instrument", Document.class));
        UsageException unknown = assertThrows(UsageException.class, () -> CliTest.run("catalog", "search", "--facet",
                "colour=red", "--data", data.toString()));
        assertTrue(unknown.getMessage().contains("No facet 'colour': there are proposal, instrument"),
                unknown.getMessage());
        assertThrows(InvalidQueryException.class, () -> FacetFilter.parse("proposal="));
    }

    private static SearchQuery query(String text, List<String> facets, int limit) throws InvalidQueryException {
        List<FacetFilter> filters = new java.util.ArrayList<>();
        for (String f : facets) {
            filters.add(FacetFilter.parse(f));
        }
        return new SearchQuery(text, List.of(), filters, true, limit, 0);
    }

    private static Set<String> names(SearchResults r) {
        return Set.copyOf(r.hits().stream().map(h -> h.pid().substring(h.pid().lastIndexOf('-') + 1)).toList());
    }

    private static CatalogEntry entry(String name, String proposal, String instrument, String technique,
            DatasetType type, String time, double kelvin) {
        Dataset d = Dataset.builder().pid("20.500.12345/facets-" + name).owner("Ada Lovelace")
                .contactEmail("ada@example.org").sourceFolder("/data/raw").size(1).numberOfFiles(1)
                .creationTime(Instant.parse(time)).type(type).datasetName(instrument + " scan " + name)
                .ownerGroup(proposal).proposalIds(List.of(proposal)).instrumentIds(List.of(instrument))
                .techniques(List.of(new Technique("https://purl.org/pan-science/PaNET/" + technique, technique)))
                .scientificMetadata(Map.of("T01", MetadataValue.of(kelvin, "K"))).build();
        return new CatalogEntry(d, List.of());
    }
}
