package org.scizoo.catalog.mongo.internal;

import java.time.Instant;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * mongo-java-server's H2 collection, answering a newest-first sort from its {@link CreationTimeIndex}, and
 * without its running count of the documents' size in bytes: it encoded every document it stored a second
 * time, only to measure it (a fifth of the server's time on a bulk insert). The size is wanted by
 * {@code collStats} and {@code validate} alone, which SciZoo never sends: it is measured when asked, by
 * reading the collection.
 */
final class CatalogH2Collection extends H2Collection {

    CatalogH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        constructed = true;
    }

    /**
     * False while H2Collection's constructor runs: it asks for the size only to log it at debug level, but
     * evaluates the call whether debugging is on or not — reading every document each time the store is
     * opened (a million scans: more than a minute before the first answer).
     */
    private boolean constructed;

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected synchronized int getDataSize() {
        if (!constructed) {
            return 0; // only logged, see above
        }
        ByteBuf bson = Unpooled.buffer(4096);
        long bytes = streamAllDocumentsWithPosition().mapToLong(d -> {
            bson.clear();
            BsonEncoder.encodeDocument(d.getDocument(), bson);
            return bson.readableBytes();
        }).sum();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** The document is written; then the creationTime index lets go of its old key (see CreationTimeIndex). */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        for (Index<Object> i : getIndexes()) {
            if (i instanceof CreationTimeIndex c) {
                c.changed(oldDocument, newDocument);
            }
        }
    }

    /**
     * A sort by {@code creationTime} descending (then {@code _id} descending, or nothing) walks the
     * {@link CreationTimeIndex} and reads only the documents up to the page's end; any other query is
     * answered as the server does, sorting every matching document in memory.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        CreationTimeIndex index = newestFirst(orderBy);
        if (index == null) {
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        long notBefore = notBefore(query);
        while (true) {
            try {
                // already in the sort's order: the server filters, skips and limits the stream lazily
                return matchDocumentsFromStream(index.newestFirst(this::getDocument, notBefore), query, new Document(),
                        skip, limit, batchSize, fieldSelector);
            } catch (CreationTimeIndex.Stale e) {
                // an entry left out of date by a process killed mid-write is mended: walk again
            }
        }
    }

    /** This collection's creationTime index, if {@code orderBy} is its order and it holds every document in it. */
    private CreationTimeIndex newestFirst(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        List<String> fields = List.copyOf(orderBy.keySet());
        boolean descending = orderBy.values().stream().allMatch(v -> v instanceof Number n && n.doubleValue() < 0);
        if (!descending || !fields.get(0).equals(CreationTimeIndex.FIELD)
                || !(fields.size() == 1 || fields.size() == 2 && fields.get(1).equals("_id"))) {
            return null;
        }
        for (Index<Object> i : getIndexes()) {
            if (i instanceof CreationTimeIndex c) {
                return c.ordersAll() ? c : null;
            }
        }
        return null;
    }

    /**
     * The oldest creationTime (in milliseconds) a document matching {@code query} can have, from a
     * {@code $gt}/{@code $gte} on it at the top or in a top-level {@code $and}: the walk stops there, so "newer
     * than" reads only the newer ones. {@link Long#MIN_VALUE} when there is none.
     */
    static long notBefore(Document query) {
        long bound = lowerBound(query.get(CreationTimeIndex.FIELD));
        if (query.get("$and") instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document d) {
                    bound = Math.max(bound, lowerBound(d.get(CreationTimeIndex.FIELD)));
                }
            }
        }
        return bound;
    }

    private static long lowerBound(Object condition) {
        if (condition instanceof Instant t) {
            return t.toEpochMilli();
        }
        long bound = Long.MIN_VALUE;
        if (condition instanceof Document c) {
            for (String op : List.of("$gt", "$gte", "$eq")) {
                if (c.get(op) instanceof Instant t) {
                    bound = Math.max(bound, t.toEpochMilli());
                }
            }
        }
        return bound;
    }
}
