package org.scizoo.catalog.mongo.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.bson.Document;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.core.scicat.SciCatDocuments;

/**
 * Stored documents decoded into datasets and handed on in batches, for {@link MongoCatalogStore}'s scans:
 * a document that is not a valid dataset (another program's) is logged and skipped, never failing the scan.
 */
final class DatasetBatches {

    private static final System.Logger LOG = System.getLogger(DatasetBatches.class.getName());

    private DatasetBatches() {
    }

    /** The embedded store's path: the documents read from the file (all, or a time window's), the selection applied here. */
    static long scan(java.util.Iterator<Document> documents, ScanSelection selection, int batchSize,
            Consumer<List<Dataset>> batches, BooleanSupplier cancelled) {
        Date from = selection.from() == null ? null : Date.from(selection.from());
        Date till = selection.till() == null ? null : Date.from(selection.till());
        java.util.function.Predicate<Document> inSelection = d -> {
            if (selection.proposalId() != null && !(d.get("proposalIds") instanceof List<?> ids
                    && ids.contains(selection.proposalId()))) {
                return false;
            }
            Object created = d.get("creationTime");
            return from == null && till == null || created instanceof Date t && (from == null || !t.before(from))
                    && (till == null || t.before(till));
        };
        return inBatches(documents, inSelection, batchSize, batches, cancelled);
    }

    /** Decodes the documents kept into datasets, hands them on in batches; invalid ones are skipped and counted. */
    static long inBatches(java.util.Iterator<Document> documents, java.util.function.Predicate<Document> keep,
            int batchSize, Consumer<List<Dataset>> batches, BooleanSupplier cancelled) {
        long skipped = 0;
        List<Dataset> batch = new ArrayList<>(batchSize);
        while (documents.hasNext()) {
            if (cancelled.getAsBoolean()) {
                return skipped;
            }
            Document d = documents.next();
            if (!keep.test(d)) {
                continue;
            }
            Dataset ds = readOrSkip(d);
            if (ds == null) {
                skipped++;
                continue;
            }
            batch.add(ds);
            if (batch.size() == batchSize) {
                batches.accept(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
        return skipped;
    }

    /**
     * A document written by another program may not be a valid dataset: it is logged and left out of the
     * page (and left untouched in the store) rather than failing the whole page.
     */
    static Dataset readOrSkip(Document d) {
        try {
            return SciCatDocuments.dataset(d);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Skipping dataset " + d.get("_id")
                    + ": not a valid SciCat dataset (" + e.getMessage() + ")");
            return null;
        }
    }
}
