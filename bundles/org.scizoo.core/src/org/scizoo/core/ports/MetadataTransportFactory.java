package org.scizoo.core.ports;

import java.util.List;
import java.util.function.Consumer;

import org.scizoo.core.model.CatalogEntry;

/** Makes the transport to a shared backend (Kafka); an OSGi service of the transport's bundle. */
public interface MetadataTransportFactory {

    /**
     * @param delivered told of entries the transport has delivered (for live views and counters)
     * @param onFailure told of entries the transport could not deliver
     * @throws CatalogException when the transport cannot be set up (a bad bootstrap address)
     */
    MetadataTransport create(BackendSettings settings, Consumer<List<CatalogEntry>> delivered,
            Consumer<CatalogException> onFailure) throws CatalogException;

    /**
     * Reports every entry published on the shared backend from now on (all producers), for live views; null
     * when this transport has no such feed. Closing the result stops it.
     *
     * @param problems told why the feed cannot read (the broker away), in words for a status line, once per new
     *        reason; told null when it reads again
     */
    default AutoCloseable watch(BackendSettings settings, Consumer<List<CatalogEntry>> published,
            Consumer<String> problems) {
        return null;
    }
}
