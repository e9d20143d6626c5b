package org.scizoo.catalog.mongo.internal;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 database, with its unique indexes in maps opened by {@link IndexMaps} and its
 * documents stored as BSON ({@link DocumentValueType}).
 */
final class CatalogH2Database extends H2Database {

    /**
     * H2Database opens the collections and indexes already in the file inside its own constructor, before
     * this class's fields are set: the maps' opener is handed over through this thread-local meanwhile.
     */
    private static final ThreadLocal<IndexMaps> CONSTRUCTING = new ThreadLocal<>();

    private final IndexMaps indexMaps;

    private CatalogH2Database(String name, MVStore store, CursorRegistry cursors, IndexMaps indexMaps) {
        super(name, store, cursors);
        this.indexMaps = indexMaps;
    }

    static CatalogH2Database open(String name, MVStore store, CursorRegistry cursors) {
        IndexMaps maps = new IndexMaps(store);
        CONSTRUCTING.set(maps);
        try {
            return new CatalogH2Database(name, store, cursors, maps);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        IndexMaps maps = maps();
        String fullName = getFullCollectionNamespace(collectionName);
        // the maps' names are H2Database's own, so its dropCollection and drop remove them as before
        MVMap<Object, Document> data = openDataMap(maps.store(), "databases." + fullName);
        MVMap<String, Object> meta = maps.store().openMap("meta." + fullName);
        return new CatalogH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    /** The maps' opener, also while H2Database's constructor runs (see {@link #CONSTRUCTING}). */
    private IndexMaps maps() {
        return indexMaps != null ? indexMaps : CONSTRUCTING.get();
    }

    /** A collection's documents: whoever opens the map first decides its value type, so everyone opens it here. */
    static MVMap<Object, Document> openDataMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().keyType(new DocumentIdType())
                .valueType(new DocumentValueType()));
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        IndexMaps maps = maps();
        // the map's name is H2Database's own, so its dropIndex and drop remove it as before
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        return new H2KeyIndex(maps.open(mapName), indexName, keys, sparse);
    }
}
