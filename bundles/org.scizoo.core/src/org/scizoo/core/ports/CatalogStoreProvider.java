package org.scizoo.core.ports;

/** Opens a {@link CatalogStore} for given settings (an OSGi service). */
public interface CatalogStoreProvider {

    /**
     * Opens and checks the store: returns only once it answered a ping.
     *
     * @throws CatalogException with a user-facing message when the folder is unusable, the embedded
     *             file is corrupt or locked, or the MongoDB URI is invalid or unreachable
     */
    CatalogStore open(BackendSettings settings) throws CatalogException;
}
