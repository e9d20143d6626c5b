package org.scizoo.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;

/**
 * The search of a running session (the workbench's Catalogue): opened on the session's store at the first
 * search (the store's own search where it has one, else our index, built then with progress) and fed every
 * dataset the session stores or hears of, so a new dataset is found as soon as it is stored. A new store
 * (the Backend dialog reconnected) opens a new search.
 */
public final class LiveSearch implements AutoCloseable {

    private final CatalogService catalog;
    private final DatasetSearchProvider engine;
    private CatalogStore openedFor;
    private DatasetSearch search;
    private AutoCloseable feed;
    /** Datasets stored while the index was being opened, given to it once it is. */
    private final List<Dataset> early = new ArrayList<>();

    /** @param engine our index, or null where none is installed (a store's own search still works) */
    public LiveSearch(CatalogService catalog, DatasetSearchProvider engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /**
     * @param indexDir where our index of the session's store lives ({@code BackendSettings.searchIndexDir})
     * @param progress told how building the index goes, the first time
     */
    public synchronized SearchResults search(SearchQuery query, Path indexDir, Consumer<String> progress)
            throws CatalogException, InvalidQueryException {
        return opened(indexDir, progress).search(query, null);
    }

    /** The keys conditions compare and their SI units ({@link DatasetSearch#numericKeys()}), opening as a search does. */
    public synchronized SortedMap<String, List<String>> numericKeys(Path indexDir, Consumer<String> progress)
            throws CatalogException {
        return opened(indexDir, progress).numericKeys();
    }

    private DatasetSearch opened(Path indexDir, Consumer<String> progress) throws CatalogException {
        CatalogStore store = catalog.store();
        if (store != openedFor) {
            closeSearch();
            feed = catalog.onDatasets(this::stored);
            DatasetSearch opened = store.ownSearch().orElse(null);
            if (opened == null) {
                if (engine == null) {
                    throw new CatalogException("no search engine is installed (bundle org.scizoo.search)");
                }
                opened = engine.open(store, indexDir, progress);
            }
            synchronized (early) {
                search = opened;
                openedFor = store;
                if (!early.isEmpty()) {
                    opened.stored(List.copyOf(early));
                    early.clear();
                }
            }
        }
        return search;
    }

    private void stored(List<Dataset> datasets) {
        synchronized (early) {
            if (search != null) {
                search.stored(datasets);
            } else {
                early.addAll(datasets);
            }
        }
    }

    private void closeSearch() {
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception e) {
                // a listener list that cannot drop one: it only feeds a closed search
            }
            feed = null;
        }
        synchronized (early) {
            if (search != null) {
                search.close();
            }
            search = null;
            openedFor = null;
            early.clear();
        }
    }

    @Override
    public synchronized void close() {
        closeSearch();
    }
}
