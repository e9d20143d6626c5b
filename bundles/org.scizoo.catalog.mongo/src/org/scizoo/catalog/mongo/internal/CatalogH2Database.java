package org.scizoo.catalog.mongo.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * mongo-java-server's H2 database, with its unique indexes in maps opened by {@link IndexMaps}, its
 * documents stored as BSON ({@link DocumentValueType}) and one secondary index, {@link CreationTimeIndex}.
 */
final class CatalogH2Database extends H2Database {

    /**
     * H2Database opens the collections and indexes already in the file inside its own constructor, before
     * this class's fields are set: the maps' opener is handed over through this thread-local meanwhile.
     */
    private static final ThreadLocal<IndexMaps> CONSTRUCTING = new ThreadLocal<>();
    private static final System.Logger LOG = System.getLogger(CatalogH2Database.class.getName());

    private final IndexMaps indexMaps;

    private CatalogH2Database(String name, MVStore store, CursorRegistry cursors, IndexMaps indexMaps) {
        super(name, store, cursors);
        this.indexMaps = indexMaps;
    }

    static CatalogH2Database open(String name, MVStore store, CursorRegistry cursors) {
        setAsideUnbuildableIndexes(name, store);
        IndexMaps maps = new IndexMaps(store);
        CONSTRUCTING.set(maps);
        try {
            return new CatalogH2Database(name, store, cursors, maps);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    /**
     * An index this store cannot build (a text, geo or hashed one, which SciCat asks for at its start) is
     * refused before anything is kept of it: mongo-java-server would refuse it only after storing its
     * definition, and then refuse to open the file.
     */
    @Override
    protected void addIndex(Document indexDescription) {
        String problem = unbuildable(indexDescription);
        if (problem != null) {
            throw new MongoServerError(67, "CannotCreateIndex", "The embedded store cannot build the index '"
                    + indexDescription.get("name") + "' " + problem + "; nothing was changed");
        }
        super.addIndex(indexDescription);
    }

    /** Why an index definition cannot be built here, or null: only ascending and descending keys can. */
    static String unbuildable(Document indexDescription) {
        if (!(indexDescription.get("key") instanceof Document key) || key.isEmpty()) {
            return "(it has no key)";
        }
        for (Map.Entry<String, Object> k : key.entrySet()) {
            if (k.getKey().startsWith("$") || !(k.getValue() instanceof Number)) {
                return "(key " + k.getKey() + ": " + k.getValue() + "; it has ascending and descending indexes only)";
            }
        }
        return null;
    }

    /**
     * A file in which an earlier SciZoo kept definitions it could not build (mongo-java-server keeps a
     * refused text index's) opens: they move to a map of their own, said once, instead of stopping the
     * server at its start.
     */
    private static void setAsideUnbuildableIndexes(String databaseName, MVStore store) {
        String mapName = "databases." + databaseName + ".system.indexes";
        if (!store.hasMap(mapName)) {
            return;
        }
        MVMap<Object, Document> indexes = openDataMap(store, mapName);
        List<Object> bad = new java.util.ArrayList<>();
        for (Map.Entry<Object, Document> e : indexes.entrySet()) {
            if (unbuildable(e.getValue()) != null) {
                bad.add(e.getKey());
            }
        }
        if (bad.isEmpty()) {
            return;
        }
        MVMap<Object, Document> aside = openDataMap(store, "scizoo.unbuildable-indexes." + databaseName);
        List<String> names = new java.util.ArrayList<>();
        for (Object k : bad) {
            Document d = indexes.remove(k);
            aside.put(k, d);
            names.add(d.get("ns") + " " + d.get("name"));
        }
        store.commit();
        LOG.log(System.Logger.Level.WARNING, "The catalogue held " + bad.size() + " index definitions it cannot"
                + " build (" + String.join(", ", names) + "), kept by an earlier version when a client asked"
                + " for them; set aside in the file's map scizoo.unbuildable-indexes." + databaseName);
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

    /**
     * The creationTime index of {@code collectionName}, made (reading every document) if there is none. Called
     * before the server serves: made through a client's {@code createIndexes}, a big catalogue's would
     * outlast the client's read timeout.
     */
    void ensureCreationTimeIndex(String collectionName) {
        addIndex(new Document("key", new Document(CreationTimeIndex.FIELD, -1)).append("name", CreationTimeIndex.NAME)
                .append("ns", getFullCollectionNamespace(collectionName)));
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        if (!CreationTimeIndex.handles(keys)) {
            return new IgnoredIndex(indexName, keys);
        }
        MVStore store = maps().store();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<String, Object> map = store.openMap(fullName + "._index_" + indexName,
                new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
        MVMap<Object, Document> data = openDataMap(store, "databases." + fullName);
        if (map.sizeAsLong() != data.sizeAsLong() || map.containsKey(CreationTimeIndex.UNUSABLE)) {
            if (!map.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "The catalogue's index " + indexName + " of " + fullName + " has "
                        + map.sizeAsLong() + " entries for " + data.sizeAsLong() + " documents (the last process"
                        + " holding it stopped in the middle of a write, or could not build it); rebuilding it");
                map.clear();
            } else if (data.sizeAsLong() >= IndexProgress.SAY_SO_FROM) {
                LOG.log(System.Logger.Level.WARNING, "Indexing the catalogue's " + data.sizeAsLong() + " documents of "
                        + fullName + " by " + CreationTimeIndex.FIELD + ", once; this may take a minute");
            }
            // Filled here in one pass: left empty, the server would fill it reading every document twice.
            IndexProgress progress = IndexProgress.start("indexing the catalogue's " + fullName + " by "
                    + CreationTimeIndex.FIELD + ", once", data.sizeAsLong());
            try {
                long done = 0;
                for (Map.Entry<Object, Document> e : data.entrySet()) {
                    map.put(CreationTimeIndex.key(e.getValue()), e.getKey());
                    progress.done(++done);
                }
            } catch (CancellationException e) {
                map.clear(); // a stop was asked for: the next opening builds it from the start, as a new one
                throw e;
            } catch (RuntimeException e) {
                // A document that cannot be read must not keep the catalogue shut: the index stays unused (the
                // server sorts, and meets the same document) and its count wrong, so the next open tries again.
                LOG.log(System.Logger.Level.WARNING, "Could not index " + fullName + " by " + CreationTimeIndex.FIELD
                        + ": " + e + "; its pages are sorted by the server instead", e);
                map.put(CreationTimeIndex.UNUSABLE, "");
            }
        }
        return new CreationTimeIndex(map, indexName, keys);
    }

    /**
     * Any other secondary index: ignored, as mongo-java-server does (its {@link EmptyIndex}), but never
     * filled. An EmptyIndex always says it is empty, so the server "filled" it from every document at each
     * open of the file: minutes for a million scans, and a file with one unreadable document could not be
     * opened at all.
     */
    private static final class IgnoredIndex extends EmptyIndex<Object> {
        IgnoredIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
