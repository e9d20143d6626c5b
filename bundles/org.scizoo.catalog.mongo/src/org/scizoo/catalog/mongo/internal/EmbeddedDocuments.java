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

import de.bwaldvogel.mongo.bson.BinData;

/**
 * Reads a collection of the embedded store straight from its H2 file, one document at a time.
 * <p>
 * Why: mongo-java-server (the embedded stand-in for MongoDB) answers a {@code find} by collecting every
 * matching document in memory before the first batch goes out. For the Scanlog's million scans that is
 * gigabytes in the workbench's own heap. A real MongoDB streams a cursor, and the store uses one there;
 * only the embedded store, which this process owns, is read like this. The map is H2's MVCC map, so reading
 * while the server writes is safe (a scan sees the documents as of when it started).
 */
final class EmbeddedDocuments {

    private EmbeddedDocuments() {
    }

    /** The documents of {@code database.collection}, converted to the driver's {@link Document}. */
    static Iterable<Document> of(MVStore store, String database, String collection) {
        String name = "databases." + database + "." + collection;
        if (!store.hasMap(name)) {
            return List.of();
        }
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = CatalogH2Database.openDataMap(store, name);
        return () -> new Iterator<>() {
            private final Iterator<de.bwaldvogel.mongo.bson.Document> values = map.values().iterator();

            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public Document next() {
                return (Document) convert(values.next());
            }
        };
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
