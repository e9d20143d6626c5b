package org.scizoo.catalog.mongo.internal;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * mongo-java-server's H2 collection, without its running count of the documents' size in bytes: it
 * encoded every document it stored a second time, only to measure it (a fifth of the server's time on a
 * bulk insert). The size is wanted by {@code collStats} and {@code validate} alone, which SciZoo never
 * sends: it is measured when asked, by reading the collection.
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
}
