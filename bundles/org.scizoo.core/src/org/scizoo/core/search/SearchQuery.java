package org.scizoo.core.search;

import java.util.List;

/**
 * What a user looks for: free text (scored by relevance; may be empty), conditions on scientific metadata
 * (all must hold; each may join others with and/or), and a page of the results ({@code limit} 0: the engine's default).
 */
public record SearchQuery(String text, List<Criterion> conditions, int limit, int skip) {

    /** The most a query may ask for at once, and the longest text it may hold. */
    public static final int MAX_LIMIT = 10_000;
    public static final int MAX_TEXT = 10_000;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        conditions = List.copyOf(conditions);
        if (limit < 0 || limit > MAX_LIMIT || skip < 0) {
            throw new IllegalArgumentException("limit is 0 to " + MAX_LIMIT + " and skip at least 0, not " + limit
                    + " and " + skip);
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the text of a search holds at most " + MAX_TEXT + " characters, not "
                    + text.length());
        }
    }
}
