package org.scizoo.core.ports;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.scizoo.core.model.Dataset;

import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;

/**
 * Search over a catalogue's datasets: free text ranked by relevance, and unit-aware conditions on their
 * scientific metadata. Access is applied inside the engine, before ranking and counting: a user sees only
 * what their groups may. Methods may block on I/O.
 */
public interface DatasetSearch extends AutoCloseable {

    /**
     * @param groups the asking user's groups (their datasets, those shared with them, and public ones are
     *        found); {@code null} for every dataset (staff, and the embedded store's single user)
     * @throws InvalidQueryException for a condition that cannot be compared (a unit that does not convert),
     *         saying why; nothing is run then
     */
    SearchResults search(SearchQuery query, Set<String> groups) throws CatalogException, InvalidQueryException;

    /**
     * Datasets just stored, as the session that stored or heard of them tells (its transport, or the store's
     * own feed): searchable when this returns. A search that only reads another's index ignores them.
     */
    void stored(List<Dataset> datasets);

    /**
     * The scientific-metadata keys whose numbers conditions compare, each with the SI units it is stored in
     * (for suggestions as a condition is typed); empty where the engine does not know them.
     */
    default SortedMap<String, List<String>> numericKeys() throws CatalogException {
        return new TreeMap<>();
    }

    /** How many datasets the index holds. */
    long size() throws CatalogException;

    @Override
    void close();
}
