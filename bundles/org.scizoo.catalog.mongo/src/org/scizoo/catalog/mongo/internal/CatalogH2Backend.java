package org.scizoo.catalog.mongo.internal;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 backend whose databases keep their unique indexes in {@link IndexKeyType}'s
 * order (an upsert by {@code _id} no longer Java-serialises index keys at every comparison), and whose
 * datasets are indexed by creationTime ({@link CreationTimeIndex}).
 */
final class CatalogH2Backend extends H2Backend {

    CatalogH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // called from H2Backend's constructor too (for the databases already in the file): uses only the store
        return CatalogH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /** See {@link CatalogH2Database#ensureCreationTimeIndex}. */
    void ensureCreationTimeIndex(String databaseName, String collectionName) {
        ((CatalogH2Database) resolveDatabase(databaseName)).ensureCreationTimeIndex(collectionName);
    }
}
