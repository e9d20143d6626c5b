package org.scizoo.core.search;

import java.util.List;

/**
 * What a user looks for: free text (scored by relevance; may be empty), conditions on scientific metadata
 * (all must hold; each may join others with and/or), facet values the datasets must have, whether the
 * facets' counts are wanted, and a page of the results ({@code limit} 0: the engine's default).
 */
public record SearchQuery(String text, List<Criterion> conditions, List<FacetFilter> filters, boolean countFacets,
        int limit, int skip) {

    /** The most a query may ask for at once, and the longest text it may hold. */
    public static final int MAX_LIMIT = 10_000;
    public static final int MAX_TEXT = 10_000;
    /** More values than a person picks from a facet list. */
    public static final int MAX_FILTERS = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        conditions = List.copyOf(conditions);
        filters = List.copyOf(filters);
        if (limit < 0 || limit > MAX_LIMIT || skip < 0) {
            throw new IllegalArgumentException("limit is 0 to " + MAX_LIMIT + " and skip at least 0, not " + limit
                    + " and " + skip);
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the text of a search holds at most " + MAX_TEXT + " characters, not "
                    + text.length());
        }
        if (filters.size() > MAX_FILTERS) {
            throw new IllegalArgumentException("a search takes at most " + MAX_FILTERS + " facet values, not "
                    + filters.size());
        }
    }

    /** Without facets. */
    public SearchQuery(String text, List<Criterion> conditions, int limit, int skip) {
        this(text, conditions, List.of(), false, limit, skip);
    }

    /** The same search, only in datasets with these facet values, counting the facets or not. */
    public SearchQuery withFacets(List<FacetFilter> only, boolean count) {
        return new SearchQuery(text, conditions, only, count, limit, skip);
    }
}
