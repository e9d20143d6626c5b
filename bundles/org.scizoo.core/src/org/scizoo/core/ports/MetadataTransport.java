package org.scizoo.core.ports;

import org.scizoo.core.model.CatalogEntry;

/**
 * Carries catalogue entries from where they are harvested to where they are stored: in-process in
 * the embedded default, Kafka in a shared backend. {@link #publish} must not lose an accepted entry.
 */
public interface MetadataTransport extends AutoCloseable {

    void publish(CatalogEntry entry) throws CatalogException;

    /** Entries accepted but not yet delivered (an outbox while the broker is away). */
    default long pending() {
        return 0;
    }

    String describe();

    /**
     * What keeps accepted entries from being delivered now (a broker out of reach), or null. The entries
     * are kept ({@link #pending()}); this only says why they wait.
     */
    default String problem() {
        return null;
    }

    @Override
    void close();
}
