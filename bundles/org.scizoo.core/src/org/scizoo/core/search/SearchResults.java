package org.scizoo.core.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A page of hits, best first, how many datasets match in all, and, when the query asked for them, the
 * facets' counts over all those datasets (each facet's values by count, the months newest first).
 */
public record SearchResults(List<SearchHit> hits, long total, Map<FacetDim, List<FacetCount>> facets) {

    public SearchResults {
        hits = List.copyOf(hits);
        EnumMap<FacetDim, List<FacetCount>> copy = new EnumMap<>(FacetDim.class);
        facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        facets = Collections.unmodifiableMap(copy);
    }

    public SearchResults(List<SearchHit> hits, long total) {
        this(hits, total, Map.of());
    }
}
