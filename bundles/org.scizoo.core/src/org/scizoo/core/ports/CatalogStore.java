package org.scizoo.core.ports;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;

/**
 * The catalogue: SciCat-shaped collections in MongoDB (embedded or shared). Writes are idempotent
 * upserts by {@code _id}, so replaying an entry never duplicates it. Methods may block on I/O: call
 * them off the UI thread.
 */
public interface CatalogStore extends AutoCloseable {

    /** Upserts datasets and their datablocks in bulk; returns when the store has acknowledged. */
    void upsert(List<CatalogEntry> entries) throws CatalogException;

    void upsertProposal(Proposal proposal) throws CatalogException;

    List<Dataset> findDatasets(DatasetQuery query) throws CatalogException;

    Optional<Dataset> findDataset(String pid) throws CatalogException;

    /**
     * The dataset's archive and retrieval state ({@code datasetlifecycle}, SciCat's archive system's), empty when
     * the dataset is not there or has none.
     */
    Optional<Lifecycle> findLifecycle(String pid) throws CatalogException;

    List<OrigDatablock> findDatablocks(String datasetPid) throws CatalogException;

    Optional<Proposal> findProposal(String proposalId) throws CatalogException;

    long countDatasets() throws CatalogException;

    /**
     * Streams the datasets of a selection to {@code batches}, in no promised order (sorting a million
     * documents is the reader's job: a store without indexes would sort them all in its memory). Stops
     * early when {@code cancelled} says so. A document that is not a valid dataset is skipped and counted.
     *
     * @return how many documents were skipped as invalid
     */
    long scanDatasets(ScanSelection selection, int batchSize, Consumer<List<Dataset>> batches,
            BooleanSupplier cancelled) throws CatalogException;

    /** Every proposal in the catalogue, by id. */
    List<Proposal> listProposals() throws CatalogException;

    /** The beamlines' SciDog configurations, in the same database. */
    MetadataConfigStore configs();

    /** The Scanlog's annotations (comments, ratings, flags, images), in the same database. */
    AnnotationStore annotations();

    /** The Scanlog's named layouts, in the same database. */
    LayoutStore layouts();

    /**
     * The store's own feed of datasets stored from now on by anyone, for a store whose writers this process does
     * not hear (SciCat, which has no push): empty when the session's transport is the feed (in-process writes,
     * Kafka). Closing the result stops it.
     *
     * @param stored told the datasets stored since the last call, any writer's, as this store's reader may see
     *        them
     * @param problems told why the feed cannot read, in words for a status line, once per new reason; told null
     *        when it reads again
     */
    default Optional<AutoCloseable> watch(Consumer<List<Dataset>> stored, Consumer<String> problems) {
        return Optional.empty();
    }

    /**
     * The store's own search, for a store that is a catalogue service with one (SciCat's full query, with its
     * access rules): used instead of an index of ours. Empty for stores we index ourselves. Closed with the store.
     */
    default Optional<DatasetSearch> ownSearch() {
        return Optional.empty();
    }

    /** A ping; never throws. */
    StoreHealth health();

    /** What this store is, for the status line: {@code embedded (/path/catalog.mv)} or a URI without password. */
    String describe();

    @Override
    void close();
}
