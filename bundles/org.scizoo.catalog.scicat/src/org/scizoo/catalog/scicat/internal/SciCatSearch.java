package org.scizoo.catalog.scicat.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.scicat.IsoInstants;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.FieldCondition;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamCondition;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;
import org.scizoo.core.units.SciCatUnits;

/**
 * Search through SciCat's own query, as its web frontend searches: {@code GET /api/v3/datasets/fullquery} with
 * the text and the conditions as SciCat's {@code scientific} filters (compared by SciCat on {@code valueSI}
 * in SI units), and the count from {@code /fullfacet}. SciCat applies the login's access rules; the groups a
 * caller passes are not needed. SciCat's query ANDs its filters and knows fewer operators than PaNOSC's
 * language: {@code or}, {@code !=}, {@code in}, and two conditions on one key are refused with the reason
 * rather than answered wrongly. The dataset's own fields go as SciCat's fields ({@link SciCatFields}). It
 * does not rank: hits come newest first, each scored 1. Facets: as
 * {@link SciCatFacets} says.
 */
final class SciCatSearch implements DatasetSearch {

    private static final String ROUTE = "/v3/datasets";
    private static final int FACET_VALUES = 10;
    private final SciCatApi api;

    SciCatSearch(SciCatApi api) {
        this.api = api;
    }

    @Override
    public SearchResults search(SearchQuery query, Set<String> groups) throws CatalogException, InvalidQueryException {
        Document fields = fields(query);
        int limit = query.limit() == 0 ? 20 : query.limit();
        Document limits = new Document("skip", query.skip()).append("limit", limit).append("order",
                "creationTime:desc");
        String path = ROUTE + "/fullquery?fields=" + SciCatApi.encodeQuery(fields.toJson()) + "&limits="
                + SciCatApi.encodeQuery(limits.toJson());
        List<Document> found;
        try {
            found = api.getList(path);
        } catch (CatalogException e) {
            if (query.text().isEmpty()) {
                throw e;
            }
            throw new CatalogException(e.getMessage() + ". SciCat searches words with MongoDB's $text, which needs"
                    + " the text index SciCat makes at its start: a MongoDB without it (mongo-java-server has none)"
                    + " fails here; conditions without words still work", e);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Document d : found) {
            Object time = d.get("creationTime");
            Instant created = time instanceof java.util.Date date ? date.toInstant()
                    : time == null ? null : IsoInstants.parse(time.toString());
            hits.add(new SearchHit(d.getString("pid"), 1.0, d.getString("datasetName"), created));
        }
        Document counted = facets(fields, query.countFacets());
        return new SearchResults(hits, total(counted),
                query.countFacets() ? SciCatFacets.counts(counted, FACET_VALUES) : java.util.Map.of());
    }

    private static long total(Document facets) {
        List<Document> all = facets.getList("all", Document.class, List.of());
        return all.isEmpty() ? 0 : ((Number) all.get(0).get("totalSets")).longValue();
    }

    /**
     * SciCat's {@code fullfacet} on what the fields select, as the login may see it: {@code all} (the count)
     * and, if asked, the facets' groups.
     */
    private Document facets(Document fields, boolean countFacets) throws CatalogException {
        String path = ROUTE + "/fullfacet?fields=" + SciCatApi.encodeQuery(fields.toJson()) + "&facets="
                + SciCatApi.encodeQuery(countFacets ? SciCatFacets.ASKED : "[]");
        List<Document> answer = api.getList(path);
        return answer.isEmpty() ? new Document() : answer.get(0);
    }

    /** The query as SciCat's full-query fields: {@code text} and {@code scientific}. */
    static Document fields(SearchQuery query) throws InvalidQueryException {
        Document fields = new Document();
        if (!query.text().isEmpty()) {
            fields.append("text", query.text());
        }
        List<Criterion> conditions = new ArrayList<>();
        for (Criterion c : query.conditions()) {
            flatten(c, conditions);
        }
        List<Document> scientific = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Document own = new Document();
        for (Criterion c : conditions) {
            if (c instanceof FieldCondition f) {
                if (own.containsKey(f.field().json())) {
                    throw new InvalidQueryException("SciCat's query keeps one condition per field: "
                            + f.field().json() + " has two (a range is one condition: between)");
                }
                own.append(f.field().json(), SciCatFields.expression(f));
                continue;
            }
            ParamCondition p = (ParamCondition) c;
            if (!keys.add(p.key())) {
                throw new InvalidQueryException("SciCat's query keeps one condition per key: " + p.key()
                        + " has two (a range is one condition: " + p.key() + " A..B)");
            }
            scientific.add(scientific(p));
        }
        if (!scientific.isEmpty()) {
            fields.append("scientific", scientific);
        }
        Document facets = new Document();
        SciCatFacets.filter(query.filters(), facets);
        for (String key : facets.keySet()) {
            if (own.containsKey(key)) {
                throw new InvalidQueryException("SciCat's query keeps one condition per field: " + key
                        + " has a condition and a picked facet value");
            }
        }
        fields.putAll(own);
        fields.putAll(facets);
        return fields;
    }

    private static void flatten(Criterion c, List<Criterion> into) throws InvalidQueryException {
        switch (c) {
            case ParamCondition p -> into.add(p);
            case FieldCondition f -> into.add(f);
            case Criterion.AllOf all -> {
                for (Criterion each : all.all()) {
                    flatten(each, into);
                }
            }
            case Criterion.AnyOf any -> throw new InvalidQueryException(
                    "SciCat's query joins its conditions with 'and' only: an 'or' cannot be sent to it");
        }
    }

    /** One condition as SciCat's {@code {lhs, relation, rhs, unit}}; SciCat converts the unit itself. */
    private static Document scientific(ParamCondition c) throws InvalidQueryException {
        if (!c.unit().isEmpty() && SciCatUnits.toSiStrictly(1, c.unit()).isEmpty()) {
            throw new InvalidQueryException(c + ": '" + c.unit() + "' is not a unit SciCat converts");
        }
        String relation = switch (c.op()) {
            case EQ -> "EQUAL_TO_NUMERIC";
            case LT -> "LESS_THAN";
            case LTE -> "LESS_THAN_OR_EQUAL";
            case GT -> "GREATER_THAN";
            case GTE -> "GREATER_THAN_OR_EQUAL";
            case BETWEEN -> "RANGE";
            case NEQ, INQ -> throw new InvalidQueryException(
                    c + ": SciCat's query has no '" + c.op().symbol() + "' (it has = < <= > >= and ranges)");
        };
        Object rhs = c.op() == ParamCondition.Op.BETWEEN ? c.values() : c.values().get(0);
        Document d = new Document("lhs", c.key()).append("relation", relation).append("rhs", rhs);
        if (!c.unit().isEmpty()) {
            d.append("unit", c.unit());
        }
        return d;
    }

    @Override
    public void stored(List<Dataset> datasets) {
        // SciCat's query reads SciCat: what is stored there is found at once
    }

    @Override
    public long size() throws CatalogException {
        return total(facets(new Document(), false));
    }

    @Override
    public void close() {
        // nothing of ours to close: the store's client goes with the store
    }
}
