package org.scizoo.catalog.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.scizoo.core.scicat.SciCatDocuments;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

/**
 * {@link MongoCatalogStore}'s bulk writes: idempotent (a replay stores once), and keeping what others keep in
 * documents already there.
 */
final class IdempotentWrites {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final InsertManyOptions UNORDERED_INSERT = new InsertManyOptions().ordered(false);

    private IdempotentWrites() {
    }

    /**
     * An idempotent write of documents with their {@code _id}s: inserted, and those whose {@code _id} is
     * already there (a replay, an updated dataset) updated in the fields we own only
     * ({@link SciCatDocuments#ownedFieldsUpdate}), so that what SciCat keeps there survives. Most documents are new, and an insert costs the
     * server less than an upsert (no query, no update document to compute): measured on mongo-java-server;
     * a real MongoDB skips the same work (not measured here, none can run on this machine).
     */
    static void insertOrUpdate(MongoCollection<RawBsonDocument> collection, List<RawBsonDocument> docs) {
        try {
            collection.insertMany(docs, UNORDERED_INSERT);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().isEmpty()) {
                throw e;
            }
            List<WriteModel<RawBsonDocument>> again = new ArrayList<>(e.getWriteErrors().size());
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                RawBsonDocument d = docs.get(error.getIndex());
                Document full = d.decode(new org.bson.codecs.DocumentCodec());
                again.add(new UpdateOneModel<>(eq("_id", d.get("_id")), SciCatDocuments.ownedFieldsUpdate(full),
                        UPSERT));
            }
            collection.bulkWrite(again, UNORDERED);
        }
    }

    /** Waits for a write under way; an interrupt is passed on after its answer. */
    static void await(Future<?> write) {
        boolean interrupted = false;
        while (true) {
            try {
                write.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the write is under way: wait for its answer, then pass the interrupt on
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MongoException m) {
                    throw m;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
