package org.scizoo.catalog.mongo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.scizoo.catalog.mongo.internal.H2KeyIndex;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The store's unique index finds the key of every document as mongo-java-server's own does — the one it
 * finds directly (a top-level field holding a string) and all the others it leaves to mongo-java-server:
 * numbers that are equal as numbers, nulls, missing fields, sub-documents, arrays, dotted paths, compound
 * keys.
 */
class UniqueIndexKeysTest {

    private static final List<Document> DOCUMENTS = List.of(
            new Document("_id", "20.500.12345/scan-1"), new Document("_id", ""),
            new Document("_id", "Größe ✓ \u0000 nul"), new Document("_id", 1), new Document("_id", 1.0),
            new Document("_id", 1L << 60), new Document("_id", -0.0), new Document("_id", null), new Document(),
            new Document("_id", new Document("b", 1).append("a", "x")), new Document("_id", List.of("a", "b")),
            new Document("_id", "s").append("a", new Document("b", "nested")).append("c", 3),
            new Document("a", List.of(new Document("b", "one"), new Document("b", "two"))).append("c", "c"),
            new Document("a", "not a document").append("_id", 7));

    @Test
    void keysAreMongoJavaServersKeys() {
        for (List<String> fields : List.of(List.of("_id"), List.of("a.b"), List.of("_id", "c"), List.of("a.b", "c"),
                List.of("c"))) {
            List<IndexKey> keys = fields.stream().map(f -> new IndexKey(f, true)).toList();
            MVStore store = new MVStore.Builder().open(); // in memory
            try {
                H2KeyIndex ours = new H2KeyIndex(store.openMap("index"), "index", keys, false);
                MongoJavaServers theirs = new MongoJavaServers(keys);
                for (Document d : DOCUMENTS) {
                    assertEquals(outcome(() -> theirs.getKeyValues(d)), outcome(() -> ours.getKeyValues(d)),
                            fields + " of " + d);
                }
            } finally {
                store.close();
            }
        }
    }

    /** The keys, or the exception's class and message. */
    private static Object outcome(java.util.function.Supplier<?> keys) {
        try {
            return keys.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** mongo-java-server's unique index as it finds keys (its storage is not used here). */
    private static final class MongoJavaServers extends AbstractUniqueIndex<Object> {
        MongoJavaServers(List<IndexKey> keys) {
            super("reference", keys, false);
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return null;
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return true;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return List.of();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return null;
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }
    }
}
