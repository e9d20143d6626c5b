package org.scizoo.catalog.mongo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

import de.bwaldvogel.mongo.bson.BinData;

/**
 * Reads a collection of the embedded store straight from its H2 file, one document at a time, as of when
 * the read began.
 * <p>
 * Why: mongo-java-server (the embedded stand-in for MongoDB) answers a {@code find} by collecting every
 * matching document in memory before the first batch goes out. For the Scanlog's million scans that is
 * gigabytes in the workbench's own heap. A real MongoDB streams a cursor, and the store uses one there;
 * only the embedded store, which this process owns, is read like this. The map is H2's MVCC map, so reading
 * while the server writes is safe (a scan sees the documents as of when it started), provided the store is
 * told which version is being read (see {@link #open}).
 */
public final class EmbeddedDocuments {

    private EmbeddedDocuments() {
    }

    /** The H2 map holding {@code database.collection}'s documents by {@code _id} (opened, or made, as the server does). */
    public static MVMap<Object, de.bwaldvogel.mongo.bson.Document> map(MVStore store, String database,
            String collection) {
        return CatalogH2Database.openDataMap(store, "databases." + database + "." + collection);
    }

    /**
     * The documents of {@code database.collection} as they are now, converted to the driver's
     * {@link Document}. Close it when done, or read it to the end.
     */
    public static Snapshot open(MVStore store, String database, String collection) {
        if (!store.hasMap("databases." + database + "." + collection)) {
            return new Snapshot(store, null, java.util.Collections.emptyIterator());
        }
        // Registered before the map's root is taken, so the pages of that root stay readable: otherwise H2
        // drops the chunks the server's later writes left without live pages (after the retention time,
        // 45 s) while this read, of a million documents, takes longer than that; it then failed with
        // "Chunk … not found".
        MVStore.TxCounter usage = store.registerVersionUsage();
        try {
            return new Snapshot(store, usage, map(store, database, collection).values().iterator());
        } catch (RuntimeException e) {
            store.deregisterVersionUsage(usage);
            throw e;
        }
    }

    /**
     * The documents of {@code database.collection} that may have a creationTime in {@code [from, till)}: with
     * a bound that leaves out at least half of them, only those its {@link CreationTimeIndex} lists (a day
     * of scans out of a million: 3.5 s instead of 85 s for {@code scizoo catalog export}), else all of them
     * (in the file's order, which is quicker than the index's for most of a catalogue: 85 s against 146 s
     * for a million, measured). The caller still applies the selection: a document changed since the read
     * began is read as it is now.
     */
    public static Snapshot open(MVStore store, String database, String collection, Instant from, Instant till) {
        String indexName = database + "." + collection + "._index_" + CreationTimeIndex.NAME;
        if (from == null && till == null || !store.hasMap(indexName)) {
            return open(store, database, collection);
        }
        MVStore.TxCounter usage = store.registerVersionUsage(); // as in open: the index's pages stay readable
        try {
            MVMap<String, Object> index = store.openMap(indexName,
                    new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
            if (!index.isEmpty() && index.firstKey().charAt(0) == CreationTimeIndex.UNORDERED
                    || CreationTimeIndex.countBetween(index, from, till) * 2 > index.sizeAsLong()) {
                store.deregisterVersionUsage(usage);
                return open(store, database, collection); // a document the index cannot place, or most of them
            }
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = map(store, database, collection);
            return new Snapshot(store, usage, CreationTimeIndex.between(index, from, till, documents::get));
        } catch (RuntimeException e) {
            store.deregisterVersionUsage(usage);
            throw e;
        }
    }

    /** One read of a collection: its documents as of when it was opened, however the collection changes meanwhile. */
    public static final class Snapshot implements Iterator<Document>, AutoCloseable {
        private final MVStore store;
        private final Iterator<de.bwaldvogel.mongo.bson.Document> values;
        private MVStore.TxCounter usage;

        private Snapshot(MVStore store, MVStore.TxCounter usage, Iterator<de.bwaldvogel.mongo.bson.Document> values) {
            this.store = store;
            this.usage = usage;
            this.values = values;
        }

        @Override
        public boolean hasNext() {
            boolean more = usage != null && values.hasNext();
            if (!more) {
                close();
            }
            return more;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return (Document) convert(values.next());
        }

        /** The same documents as the server holds them, to be {@linkplain EmbeddedDocuments#convert converted} when wanted. */
        public Iterator<de.bwaldvogel.mongo.bson.Document> serverDocuments() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return Snapshot.this.hasNext();
                }

                @Override
                public de.bwaldvogel.mongo.bson.Document next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return values.next();
                }
            };
        }

        /** Lets the store reuse the space of what changed since the snapshot was taken. */
        @Override
        public void close() {
            if (usage != null) {
                MVStore.TxCounter u = usage;
                usage = null;
                if (!store.isClosed()) {
                    store.deregisterVersionUsage(u);
                }
            }
        }
    }

    /** The server's BSON value as the driver's: documents, lists, dates, ids, binary; plain values as they are. */
    static Object convert(Object v) {
        if (v instanceof de.bwaldvogel.mongo.bson.Document d) {
            Document out = new Document();
            for (Map.Entry<String, Object> e : d.entrySet()) {
                out.append(e.getKey(), convert(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(convert(x)));
            return out;
        }
        if (v instanceof Instant t) {
            return Date.from(t);
        }
        if (v instanceof de.bwaldvogel.mongo.bson.ObjectId id) {
            return new ObjectId(id.toByteArray());
        }
        if (v instanceof BinData b) {
            return new Binary(b.getData());
        }
        return v;
    }
}
