package org.scizoo.catalog.mongo.internal;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded store's {@code creationTime_-1} index: an H2 map whose keys sort as the server sorts
 * {@code {creationTime: -1, _id: -1}} when walked backwards, so "the newest page" reads only that page
 * (see {@link CatalogH2Collection#matchDocuments}). mongo-java-server has no secondary indexes of its own: it
 * sorted the whole collection for every page, and {@code scizoo catalog list} on a million scans took
 * minutes.
 * <p>
 * A key is the creationTime's milliseconds (sign flipped, 16 hex digits, so text order is time order; a
 * document without one gets the lowest, as MongoDB sorts a missing field first) followed by the string
 * {@code _id}. A document the key cannot place as the server would (a creationTime that is not a date, an
 * {@code _id} that is not a string) gets a key starting with {@value #UNORDERED}, before every other: while
 * there is one, queries are sorted by the server as before.
 * <p>
 * The store may save a version to disk between the server's write of a document and of its entry, so a
 * process killed then leaves the two apart. Every write is ordered so that this shows in the entry count:
 * an entry is put after its document is added and removed before it is removed, and a changed key is put
 * before the document is changed and the old one removed after ({@link #changed}). A torn write leaves one
 * entry too few or too many, and opening rebuilds a map whose count is not the documents'
 * ({@link CatalogH2Database}). As a last guard a walk checks each entry against its document, and mends
 * one that is out of date ({@link Stale}).
 */
final class CreationTimeIndex extends Index<Object> {

    static final String FIELD = "creationTime";
    static final String NAME = "creationTime_-1";
    static final char UNORDERED = '!';
    /** An entry that keeps the index unused (see {@link CatalogH2Database}): it sorts first, and is no document's key. */
    static final String UNUSABLE = String.valueOf(UNORDERED);
    private static final int MILLIS_DIGITS = 16;

    private final MVMap<String, Object> map;

    CreationTimeIndex(MVMap<String, Object> map, String name, List<IndexKey> keys) {
        // sparse for the server's bookkeeping: a remove that finds no entry (see above) is not an error
        super(name, keys, true);
        this.map = map;
    }

    /** Whether an index on {@code keys} is this kind: creationTime alone, descending. */
    static boolean handles(List<IndexKey> keys) {
        return keys.size() == 1 && keys.get(0).getKey().equals(FIELD) && !keys.get(0).isAscending();
    }

    static String key(Document d) {
        Object id = d.get("_id");
        Object time = d.get(FIELD);
        if (id instanceof String pid && (time == null || time instanceof Instant)) {
            return prefix(time == null ? Long.MIN_VALUE : ((Instant) time).toEpochMilli()) + pid;
        }
        return UNORDERED + (id == null ? "null" : id.getClass().getSimpleName() + ":" + id);
    }

    /** The start of every ordered key of a time: lower than all of them, higher than all of an earlier time. */
    private static String prefix(long millis) {
        String hex = Long.toHexString(millis ^ Long.MIN_VALUE);
        return "0".repeat(MILLIS_DIGITS - hex.length()) + hex;
    }

    /** How many entries {@link #between} walks: two lookups, nothing read. */
    static long countBetween(MVMap<String, Object> index, Instant from, Instant till) {
        long first = insertionPoint(index, start(from));
        long end = till == null ? index.sizeAsLong() : insertionPoint(index, prefix(till.toEpochMilli()));
        return Math.max(0, end - first);
    }

    /** Where {@code key}, which is no entry's (a bare prefix), would go. */
    private static long insertionPoint(MVMap<String, Object> index, String key) {
        long i = index.getKeyIndex(key);
        return i < 0 ? -(i + 1) : i;
    }

    private static String start(Instant from) {
        return prefix(from == null ? Long.MIN_VALUE + 1 : from.toEpochMilli()); // never one without a time
    }

    /**
     * The documents of {@code index} whose creationTime lies in {@code [from, till)} (a null bound is open;
     * a document without a time is never in), oldest first: read from the file by the Scanlog, not the server.
     *
     * @param documents a position's document, null when there is none (it was removed since)
     */
    static Iterator<Document> between(MVMap<String, Object> index, Instant from, Instant till,
            Function<Object, Document> documents) {
        Cursor<String, Object> cursor = index.cursor(start(from), null, false);
        String end = till == null ? null : prefix(till.toEpochMilli());
        return new Walk(cursor) {
            @Override
            Document document(String key, Object position) {
                return end != null && key.compareTo(end) >= 0 ? END : documents.apply(position);
            }
        };
    }

    /** The creationTime in milliseconds of an ordered key ({@link Long#MIN_VALUE} for none). */
    static long millis(String key) {
        return Long.parseUnsignedLong(key, 0, MILLIS_DIGITS, 16) ^ Long.MIN_VALUE;
    }

    /** Whether every document has an ordered key, so a walk gives the server's order. */
    boolean ordersAll() {
        String first = map.isEmpty() ? null : map.firstKey();
        return first == null || first.charAt(0) != UNORDERED;
    }

    /**
     * The documents newest first, down to (not below) {@code notBefore} milliseconds.
     *
     * @param documents a position's document, null when there is none
     * @throws Stale while the stream is read, after mending an entry: the walk must start again
     */
    Stream<Document> newestFirst(Function<Object, Document> documents, long notBefore) {
        Cursor<String, Object> cursor = map.cursor(null, null, true);
        Iterator<Document> walk = new Walk(map.cursor(null, null, true)) {
            @Override
            Document document(String key, Object position) {
                if (millis(key) < notBefore) {
                    return END;
                }
                Document d = documents.apply(position);
                if (d == null) {
                    map.remove(key); // its document is gone
                    return null;
                }
                String actual = key(d);
                if (!actual.equals(key)) {
                    map.remove(key);
                    map.put(actual, position);
                    throw new Stale(); // the document belongs elsewhere in the walk, maybe already passed
                }
                return d;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED), false);
    }

    /** Marks the end of a {@link Walk}. */
    private static final Document END = new Document();

    /** The documents along a cursor of the index. */
    private abstract static class Walk implements Iterator<Document> {
        private final Cursor<String, Object> cursor;
        private Document next;
        private boolean ended;

        Walk(Cursor<String, Object> cursor) {
            this.cursor = cursor;
        }

        /** The document of an entry; null to go on to the next entry, {@link #END} to stop. */
        abstract Document document(String key, Object position);

        @Override
        public boolean hasNext() {
            while (next == null && !ended && cursor.hasNext()) {
                String key = cursor.next();
                Document d = document(key, cursor.getValue());
                if (d == END) {
                    ended = true;
                } else {
                    next = d;
                }
            }
            return next != null;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Document d = next;
            next = null;
            return d;
        }
    }

    /** An entry was out of date and is mended: the walk that met it starts again. */
    static final class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stale() {
            super(null, null, false, false);
        }
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        map.put(key(document), position);
    }

    @Override
    public Object remove(Document document) {
        return map.remove(key(document));
    }

    /** Before a document is changed: its new key, next to the old one until {@link #changed}. */
    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        String newKey = key(newDocument);
        if (!newKey.equals(key(oldDocument))) {
            map.put(newKey, position);
        }
    }

    /** After a document is changed (see {@link #updateInPlace}): its old key goes. */
    void changed(Document oldDocument, Document newDocument) {
        String oldKey = key(oldDocument);
        if (!oldKey.equals(key(newDocument))) {
            map.remove(oldKey);
        }
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not a unique index: never asked to find a document
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // used for sorting only
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("the creationTime index is used for sorting only");
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // any document may be added: there is no constraint
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // no constraint either
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        if (!map.isClosed()) {
            map.getStore().removeMap(map);
        }
    }
}
