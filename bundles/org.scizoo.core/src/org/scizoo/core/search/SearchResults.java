package org.scizoo.core.search;

import java.util.List;

/** A page of hits, best first, and how many datasets match in all. */
public record SearchResults(List<SearchHit> hits, long total) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
