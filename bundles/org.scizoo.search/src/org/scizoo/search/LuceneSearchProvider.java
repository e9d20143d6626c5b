package org.scizoo.search;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.search.internal.LuceneDatasetSearch;

/** The search engine: an embedded Apache Lucene index of the catalogue ({@link LuceneDatasetSearch}). */
@Component(service = DatasetSearchProvider.class)
public class LuceneSearchProvider implements DatasetSearchProvider {

    /**
     * Lucene warns on every start that the JDK's incubating vector module is not enabled: it only speeds up
     * vector search, which the catalogue does not use, so the warning is not shown to users. Held here, as
     * java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger VECTOR_NOTES = quiet("org.apache.lucene.internal.vectorization");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    @Override
    public DatasetSearch open(CatalogStore store, Path indexDir, Consumer<String> progress) throws CatalogException {
        return LuceneDatasetSearch.open(store, indexDir, progress);
    }
}
