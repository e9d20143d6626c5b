package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.PanoscQueries;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.ParamConditions;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/**
 * {@code scizoo catalog search [TEXT…] [--where JSON] [--param 'T01 > 300 K']… [--facet proposal=ID]… [--facets]
 * [--limit N] [--skip N] [--json]}: the datasets that meet every condition and facet value, ranked by the text's relevance (newest first without text), through
 * the catalogue's search index ({@link DatasetSearchProvider}), which lives in the data folder, or through the
 * store's own search where it has one (SciCat's full query).
 */
final class CatalogSearch {

    static final Set<String> OPTIONS = Set.of("param", "skip", "where", "facet");
    static final Set<String> FLAGS = Set.of("facets");
    private static final int DEFAULT_LIMIT = 20;

    private CatalogSearch() {
    }

    /** @param engine our index, or null where none is installed */
    static int run(CatalogStore store, DatasetSearchProvider engine, Args args, BackendSettings backend,
            PrintStream out, PrintStream err) throws UsageException, CatalogException {
        List<Criterion> conditions = new ArrayList<>();
        for (String typed : args.values("param")) {
            try {
                conditions.add(ParamConditions.parse(typed));
            } catch (InvalidQueryException e) {
                throw new UsageException("--param: " + e.getMessage());
            }
        }
        List<FacetFilter> filters = new ArrayList<>();
        for (String typed : args.values("facet")) {
            try {
                filters.add(FacetFilter.parse(typed));
            } catch (InvalidQueryException e) {
                throw new UsageException("--facet: " + e.getMessage());
            }
        }
        String text = String.join(" ", args.positional().subList(1, args.positional().size()));
        SearchQuery query;
        try {
            int limit = args.intValue("limit", DEFAULT_LIMIT, 1);
            int skip = args.intValue("skip", 0, 0);
            if (args.value("where") != null) {
                SearchQuery json = PanoscQueries.parse(args.value("where"), text, limit);
                conditions.addAll(json.conditions());
                text = json.text();
                limit = args.value("limit") != null ? limit : json.limit();
                skip = args.value("skip") != null ? skip : json.skip();
            }
            query = new SearchQuery(text, conditions, filters, args.flag("facets"), limit, skip);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (InvalidQueryException e) {
            throw new UsageException("--where: " + e.getMessage());
        }
        Optional<DatasetSearch> own = store.ownSearch();
        if (own.isEmpty() && engine == null) {
            err.println("scizoo catalog search: no search engine is installed (bundle org.scizoo.search)");
            return CliCommand.FAILED;
        }
        try (DatasetSearch search = own.isPresent() ? own.get()
                : engine.open(store, backend.searchIndexDir(), err::println)) {
            SearchResults found = search.search(query, null);
            if (args.flag("json")) {
                List<Document> hits = new ArrayList<>();
                for (SearchHit h : found.hits()) {
                    hits.add(new Document("pid", h.pid()).append("score", h.score())
                            .append("datasetName", h.datasetName())
                            .append("creationTime", h.creationTime().toString()));
                }
                Document json = new Document("total", found.total()).append("hits", hits);
                if (query.countFacets()) {
                    Document facets = new Document();
                    found.facets().forEach((dim, counts) -> facets.append(dim.id(), counts.stream()
                            .map(c -> new Document("value", c.value()).append("count", c.count())).toList()));
                    json.append("facets", facets);
                }
                out.println(json.toJson());
            } else {
                out.printf("%d of %d datasets found in %s%n", found.hits().size(), found.total(), store.describe());
                for (SearchHit h : found.hits()) {
                    out.printf("%.3f  %s  %s%n", h.score(), h.pid(), h.datasetName());
                }
                found.facets().forEach((dim, counts) -> out.println(dim.id() + ": " + String.join(", ",
                        counts.stream().map(c -> c.value() + " (" + c.count() + ")").toList())));
                if (query.countFacets() && found.facets().isEmpty()) {
                    out.println("(no facet values among these datasets)");
                }
            }
            return CliCommand.OK;
        } catch (InvalidQueryException e) {
            err.println("scizoo catalog search: " + e.getMessage());
            return CliCommand.USAGE;
        }
    }
}
