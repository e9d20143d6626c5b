package org.scizoo.core.ports;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens the search over a catalogue (the Lucene engine, as an OSGi service). */
public interface DatasetSearchProvider {

    /**
     * The search over {@code store}'s datasets, its index kept in {@code indexDir}: built from the catalogue
     * when it does not hold what the catalogue holds (told to {@code progress} as it goes), then kept in step
     * with the store's live feed. Where another process writes that index (a workbench open on the same data
     * folder), it is read as that process keeps it.
     */
    DatasetSearch open(CatalogStore store, Path indexDir, Consumer<String> progress) throws CatalogException;
}
