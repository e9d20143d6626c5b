package org.scizoo.catalog.scicat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.bson.Document;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.LayoutStore;
import org.scizoo.core.ports.MetadataConfigStore;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.core.ports.StoreHealth;
import org.scizoo.core.scicat.SciCatDocuments;

/**
 * The catalogue as SciCat shows it to one user: every read goes through SciCat's REST API with the user's
 * token, so SciCat's access rules decide what is seen (their groups' datasets and public ones; an anonymous
 * reader, public ones only). Datasets and datablocks are read through SciCat's v4 routes, the ones its
 * 4.x documentation calls current ({@code /api/v4/datasets}, {@code /api/v4/origdatablocks}); proposals and
 * the login through v3, where SciCat 4.5 has them only. Datasets are written as SciCat's ingestor writes them
 * ({@link SciCatWriter}), the Scanlog's annotations as SciCat attachments of the dataset
 * ({@link SciCatAnnotationStore}). Proposals, the Scanlog's layouts and SciDog's configurations in SciCat mode are
 * not there yet: reads find none, writes say so ({@link NotYetInSciCat}).
 */
public final class SciCatCatalogStore implements CatalogStore {

    private static final int PAGE = 1000;
    private static final Document NEWEST_FIRST = new Document("creationTime", "desc");
    private final SciCatApi api;
    private final SciCatWriter writer;
    private final SciCatAnnotationStore annotations;
    private final NotYetInSciCat.NoLayouts layouts = new NotYetInSciCat.NoLayouts();
    private final NotYetInSciCat.NoConfigs configs = new NotYetInSciCat.NoConfigs();

    public SciCatCatalogStore(SciCatApi api) {
        this.api = api;
        this.writer = new SciCatWriter(api, this);
        this.annotations = new SciCatAnnotationStore(api, this);
    }

    @Override
    public List<Dataset> findDatasets(DatasetQuery q) throws CatalogException {
        Document where = new Document();
        if (q.instrument() != null) {
            where.append("instrumentIds", q.instrument());
        }
        if (q.proposalId() != null) {
            where.append("proposalIds", q.proposalId());
        }
        long newer = q.newerThan() == null ? Long.MAX_VALUE
                : count(with(where, "creationTime", new Document("$gt", q.newerThan().toString())));
        long end = q.limit() > 0 ? Math.min(newer, (long) q.skip() + q.limit()) : newer;
        List<Dataset> out = new ArrayList<>();
        readRange(where, q.skip(), end, PAGE, out::addAll, () -> false);
        return out;
    }

    /**
     * The datasets from {@code start} up to (not including) {@code end} in the newest-first list, in pages:
     * SciCat's default page is 100, and a time condition is a stretch of this list ({@link #list}).
     */
    private void readRange(Document where, long start, long end, int page, Consumer<List<Dataset>> pages,
            BooleanSupplier cancelled) throws CatalogException {
        for (long skip = start; skip < end && !cancelled.getAsBoolean(); skip += page) {
            int wanted = (int) Math.min(page, end - skip);
            List<Document> docs = list(where, wanted, skip, NEWEST_FIRST);
            pages.accept(datasets(docs));
            if (docs.size() < wanted) {
                return;
            }
        }
    }

    /**
     * A page of SciCat's datasets as the user may see them, through v4's list. That list runs {@code where} in an
     * aggregation, where a time written as a string is never equal to, before or after a stored date: so a
     * condition on a time is never put there. Times are offsets in a sorted list instead, counted by v4's
     * count, which does compare them ({@link #count}).
     */
    List<Document> list(Document where, int limit, long skip, Document sort) throws CatalogException {
        Document limits = new Document("limit", limit).append("skip", skip).append("sort", sort);
        return api.getList(SciCatApi.withFilter(datasetsRoute(), new Document("where", where).append("limits",
                limits)));
    }

    /** How many datasets of {@code where} the user may see; conditions on times hold here. */
    long count(Document where) throws CatalogException {
        Optional<Document> c = api.getObject(SciCatApi.withFilter(datasetsRoute() + "/count", new Document("where",
                where)));
        Object n = c.map(d -> d.get("count")).orElse(0);
        return n instanceof Number num ? num.longValue() : 0;
    }

    static Document with(Document where, String key, Object condition) {
        return new Document(where).append(key, condition);
    }

    @Override
    public Optional<Dataset> findDataset(String pid) throws CatalogException {
        Optional<Document> d = api.getItem(datasetsRoute() + "/" + SciCatApi.encodePath(pid));
        return d.isPresent() ? Optional.of(dataset(d.get(), pid)) : Optional.empty();
    }

    @Override
    public Optional<Lifecycle> findLifecycle(String pid) throws CatalogException {
        return api.getItem(datasetsRoute() + "/" + SciCatApi.encodePath(pid)).map(SciCatDocuments::lifecycle);
    }

    @Override
    public List<OrigDatablock> findDatablocks(String datasetPid) throws CatalogException {
        Document filter = new Document("where", new Document("datasetId", datasetPid));
        List<OrigDatablock> out = new ArrayList<>();
        for (Document d : api.getList(SciCatApi
                .withFilter(api.login().anonymous() ? "/v4/origdatablocks/public" : "/v4/origdatablocks", filter))) {
            d.putIfAbsent("_id", d.get("id") != null ? d.get("id") : d.get("_id"));
            out.add(SciCatDocuments.origDatablock(d));
        }
        return out;
    }

    @Override
    public Optional<Proposal> findProposal(String proposalId) throws CatalogException {
        return api.getItem("/v3/proposals/" + SciCatApi.encodePath(proposalId)).map(SciCatCatalogStore::proposal);
    }

    @Override
    public long countDatasets() throws CatalogException {
        return count(new Document());
    }

    @Override
    public long scanDatasets(ScanSelection selection, int batchSize, Consumer<List<Dataset>> batches,
            BooleanSupplier cancelled) throws CatalogException {
        Document where = new Document();
        if (selection.proposalId() != null) {
            where.append("proposalIds", selection.proposalId());
        }
        // the window as offsets in newest-first order: those at or after its end come first, then its own
        long start = selection.till() == null ? 0
                : count(with(where, "creationTime", new Document("$gte", selection.till().toString())));
        long end = selection.from() == null ? Long.MAX_VALUE
                : count(with(where, "creationTime", new Document("$gte", selection.from().toString())));
        // a dataset stored meanwhile shifts the offsets by one: what falls outside the window is not shown
        readRange(where, start, end, Math.max(1, Math.min(batchSize, PAGE)), page -> {
            List<Dataset> found = page.stream().filter(selection::contains).toList();
            if (!found.isEmpty()) {
                batches.accept(found);
            }
        }, cancelled);
        return 0;
    }

    @Override
    public List<Proposal> listProposals() throws CatalogException {
        List<Proposal> out = new ArrayList<>();
        for (Document d : api.getList("/v3/proposals")) {
            out.add(proposal(d));
        }
        return out;
    }

    @Override
    public void upsert(List<CatalogEntry> entries) throws CatalogException {
        for (CatalogEntry e : entries) {
            writer.store(e);
        }
    }

    @Override
    public void upsertProposal(Proposal proposal) throws CatalogException {
        throw notYet("Writing proposals through SciCat");
    }

    @Override
    public MetadataConfigStore configs() {
        return configs;
    }

    @Override
    public AnnotationStore annotations() {
        return annotations;
    }

    @Override
    public LayoutStore layouts() {
        return layouts;
    }

    /** Polled: SciCat has no push (see {@link SciCatLiveFeed}). */
    @Override
    public Optional<AutoCloseable> watch(Consumer<List<Dataset>> stored, Consumer<String> problems) {
        return Optional.of(new SciCatLiveFeed(this, stored, problems).start());
    }

    @Override
    public Optional<DatasetSearch> ownSearch() {
        return Optional.of(new SciCatSearch(api));
    }

    @Override
    public StoreHealth health() {
        try {
            long t0 = System.nanoTime();
            api.getObject("/v3/health");
            return StoreHealth.up(Duration.ofNanos(System.nanoTime() - t0));
        } catch (CatalogException e) {
            return StoreHealth.down(e.getMessage());
        }
    }

    @Override
    public String describe() {
        return api.describe();
    }

    @Override
    public void close() {
        // HTTP connections are the client's and end with it
    }

    /** An anonymous reader has SciCat's public routes, which show published datasets only. */
    private String datasetsRoute() {
        return api.login().anonymous() ? "/v4/datasets/public" : "/v4/datasets";
    }

    private static CatalogException notYet(String what) {
        return new CatalogException(what + " in SciCat mode: not there yet (read-only for now)");
    }

    private static List<Dataset> datasets(List<Document> docs) throws CatalogException {
        List<Dataset> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            out.add(dataset(d, d.getString("pid")));
        }
        return out;
    }

    private static Dataset dataset(Document d, String pid) throws CatalogException {
        try {
            return SciCatDocuments.dataset(d);
        } catch (RuntimeException e) {
            throw new CatalogException("SciCat's dataset " + pid + " is not one SciZoo can read: " + e.getMessage(),
                    e);
        }
    }

    private static Proposal proposal(Document d) {
        d.putIfAbsent("_id", d.get("proposalId"));
        return SciCatDocuments.proposal(d);
    }
}
