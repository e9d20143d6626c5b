package org.scizoo.catalog.mongo.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.AnnotationStore;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.Credentials;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.LayoutStore;
import org.scizoo.core.ports.MetadataConfigStore;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.core.ports.StoreHealth;
import org.scizoo.core.scicat.SciCatDocuments;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Sorts;

/**
 * {@link org.scizoo.core.ports.CatalogStore} on the MongoDB sync driver. It uses only what a real
 * MongoDB and mongo-java-server both support (CRUD, upserts, unordered bulk writes, single-field
 * indexes), so the embedded default and a shared MongoDB behave alike.
 */
public final class MongoCatalogStore implements CatalogStore {

    static final String DEFAULT_DATABASE = "scicat";
    private static final System.Logger LOG = System.getLogger(MongoCatalogStore.class.getName());
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    /** Longer than any bulk write of a batch takes; a hung server is reported after it. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final MongoClient client;
    private final MongoCollection<Document> datasets;
    private final MongoCollection<Document> datablocks;
    /** The same two collections, written with documents already encoded (see {@link RawDocuments}). */
    private final MongoCollection<RawBsonDocument> rawDatasets;
    private final MongoCollection<RawBsonDocument> rawDatablocks;
    /** SciCat's index of the datasets' metadata keys, kept as SciCat keeps it for our datasets. */
    private final MongoCollection<RawBsonDocument> rawMetadataKeys;
    private final MongoCollection<Document> proposals;
    private final MongoMetadataConfigStore configs;
    private final MongoAnnotationStore annotations;
    private final MongoLayoutStore layouts;
    private final String description;
    private final Runnable afterWrite;
    private final Runnable onClose;
    /** For the embedded store: reads the datasets a selection may hold from its file, bypassing the server (see EmbeddedDocuments). */
    private volatile java.util.function.Function<ScanSelection, EmbeddedDocuments.Snapshot> localDatasets;
    /** Writes the datablocks of a batch while the calling thread writes its datasets. */
    private final ExecutorService blockWriter = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("scizoo-store-blocks").unstarted(r));

    private MongoCatalogStore(MongoClient client, MongoDatabase db, String description, Runnable afterWrite,
            Runnable onClose) {
        this.client = client;
        this.datasets = db.getCollection(SciCatDocuments.DATASET_COLLECTION);
        this.datablocks = db.getCollection(SciCatDocuments.ORIG_DATABLOCK_COLLECTION);
        this.rawDatasets = db.getCollection(SciCatDocuments.DATASET_COLLECTION, RawBsonDocument.class);
        this.rawDatablocks = db.getCollection(SciCatDocuments.ORIG_DATABLOCK_COLLECTION, RawBsonDocument.class);
        this.rawMetadataKeys = db.getCollection(SciCatDocuments.METADATA_KEYS_COLLECTION, RawBsonDocument.class);
        this.proposals = db.getCollection(SciCatDocuments.PROPOSAL_COLLECTION);
        this.configs = new MongoMetadataConfigStore(db.getCollection(MongoMetadataConfigStore.COLLECTION), afterWrite,
                java.time.Clock.systemUTC());
        this.annotations = new MongoAnnotationStore(db, afterWrite, java.time.Clock.systemUTC());
        this.layouts = new MongoLayoutStore(db.getCollection(MongoLayoutStore.COLLECTION), afterWrite,
                java.time.Clock.systemUTC());
        this.description = description;
        this.afterWrite = afterWrite;
        this.onClose = onClose;
    }

    /**
     * Connects, pings and prepares indexes.
     *
     * @param description for the status line; null to derive it from the URI
     * @param afterWrite run after each acknowledged write (the embedded store commits its file), may be null
     * @param onClose run after the client is closed (the embedded server's shutdown), may be null
     */
    private static MongoCatalogStore connect(String uri, Duration timeout, String description, Runnable afterWrite,
            Runnable onClose, Credentials credentials) throws CatalogException {
        return connect(uri, timeout, description, afterWrite, onClose, credentials, true);
    }

    /**
     * The embedded store's connection. Its stand-in server keeps one secondary index, by creationTime
     * ({@link CreationTimeIndex}, made when the file is opened), and ignores any other (CatalogH2Database's
     * IgnoredIndex). So it gets no others, and those an older SciZoo made are dropped.
     */
    static MongoCatalogStore connectEmbedded(String uri, Duration timeout, String description, Runnable afterWrite,
            Runnable onClose) throws CatalogException {
        return connect(uri, timeout, description, afterWrite, onClose, Credentials.NONE, false);
    }

    private static MongoCatalogStore connect(String uri, Duration timeout, String description, Runnable afterWrite,
            Runnable onClose, Credentials credentials, boolean secondaryIndexes) throws CatalogException {
        ConnectionString cs;
        try {
            cs = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new CatalogException("Invalid MongoDB URI: " + e.getMessage()
                    + " (expected mongodb://host:port/database)", e);
        }
        String desc = description != null ? description
                : "MongoDB " + String.join(",", cs.getHosts()) + "/" + databaseName(cs);
        long ms = timeout.toMillis();
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(cs);
        if (credentials.hasMongoUser()) {
            // The password is given to the driver only; the URI (shown on the status line) holds none.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]authSource=([^&]+)").matcher(uri);
            String authSource = m.find() ? m.group(1) : "admin";
            builder.credential(MongoCredential.createCredential(credentials.mongoUser(), authSource,
                    credentials.mongoPassword() == null ? new char[0] : credentials.mongoPassword().toCharArray()));
        }
        MongoClientSettings settings = builder
                .applicationName("scizoo")
                .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
                        // A write the server never answers fails after this instead of hanging its caller
                        // (SciCow, a save) for ever: it is reported and retried like any store failure.
                        .readTimeout((int) READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        MongoCatalogStore store = new MongoCatalogStore(client, client.getDatabase(databaseName(cs)), desc, afterWrite,
                onClose);
        try {
            store.ping();
            if (secondaryIndexes) {
                store.ensureIndexes();
            } else {
                store.dropSecondaryIndexes();
            }
        } catch (MongoException e) {
            store.close();
            throw new CatalogException("The catalogue at " + desc + " is not reachable within " + ms / 1000.0
                    + " s: " + firstLine(e.getMessage()) + ". Check that MongoDB runs and the URI is right.", e);
        }
        return store;
    }

    public static MongoCatalogStore connect(String uri, Duration timeout) throws CatalogException {
        return connect(uri, timeout, null, null, null);
    }

    /** A shared MongoDB, logging in as {@code credentials}' MongoDB user when there is one. */
    public static MongoCatalogStore connect(String uri, Duration timeout, Credentials credentials)
            throws CatalogException {
        return connect(uri, timeout, null, null, null, credentials);
    }

    public static MongoCatalogStore connect(String uri, Duration timeout, String description, Runnable afterWrite,
            Runnable onClose) throws CatalogException {
        return connect(uri, timeout, description, afterWrite, onClose, Credentials.NONE);
    }

    private static String databaseName(ConnectionString cs) {
        return cs.getDatabase() == null || cs.getDatabase().isBlank() ? DEFAULT_DATABASE : cs.getDatabase();
    }

    /** The indexes SciZoo makes on a shared MongoDB (see ensureIndexes): the only ones it ever drops. */
    private static final List<String> OUR_INDEXES = List.of("datasetId_1", "proposalIds_1_creationTime_-1");

    /**
     * The embedded store keeps only its creationTime index: ours, made by an older SciZoo, go (see
     * connectEmbedded). Other clients' indexes (SciCat's unique pid index…) are theirs: left alone.
     */
    private void dropSecondaryIndexes() {
        for (MongoCollection<Document> c : List.of(datasets, datablocks)) {
            for (Document index : c.listIndexes()) {
                if (OUR_INDEXES.contains(index.getString("name"))) {
                    c.dropIndex(index.getString("name"));
                }
            }
        }
        annotations.dropSecondaryIndexes();
    }

    private void ensureIndexes() {
        // Scanlog pages newest first; datablocks are looked up by dataset.
        datasets.createIndex(Indexes.descending("creationTime"), new IndexOptions().name(CreationTimeIndex.NAME));
        datablocks.createIndex(Indexes.ascending("datasetId"), new IndexOptions().name("datasetId_1"));
        // a Scanlog selection: one proposal over a time window
        datasets.createIndex(
                Indexes.compoundIndex(Indexes.ascending("proposalIds"), Indexes.descending("creationTime")),
                new IndexOptions().name("proposalIds_1_creationTime_-1"));
        annotations.ensureIndexes();
    }

    private void ping() {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
    }

    @Override
    public void upsert(List<CatalogEntry> entries) throws CatalogException {
        if (entries.isEmpty()) {
            return;
        }
        // Bulk writes are unordered (faster, and the two collections go in parallel), so a dataset that
        // comes twice in one batch (an update right behind its first version) is written once: the last.
        Map<String, CatalogEntry> latest = new LinkedHashMap<>(entries.size() * 2);
        for (CatalogEntry e : entries) {
            latest.put(e.dataset().pid(), e);
        }
        List<RawBsonDocument> ds = new ArrayList<>(latest.size());
        List<RawBsonDocument> blocks = new ArrayList<>();
        List<RawBsonDocument> keys = new ArrayList<>();
        for (CatalogEntry e : latest.values()) {
            ds.add(RawDocuments.encode(SciCatDocuments.toStoredDocument(e.dataset())));
            for (OrigDatablock b : e.datablocks()) {
                blocks.add(RawDocuments.encode(SciCatDocuments.toDocument(b)));
            }
            for (Document k : SciCatDocuments.metadataKeys(e.dataset())) {
                keys.add(RawDocuments.encode(k));
            }
        }
        try {
            // The two collections are written at the same time, on two connections: the server (a real
            // MongoDB, or mongo-java-server) works on both at once. Both writes are idempotent, so a
            // failure of either is retried as a whole.
            Future<?> blocksWritten = blocks.isEmpty() && keys.isEmpty() ? null : blockWriter.submit(() -> {
                if (!blocks.isEmpty()) {
                    IdempotentWrites.insertOrUpdate(rawDatablocks, blocks);
                }
                if (!keys.isEmpty()) {
                    IdempotentWrites.insertOrUpdate(rawMetadataKeys, keys);
                }
            });
            try {
                IdempotentWrites.insertOrUpdate(rawDatasets, ds);
            } finally {
                if (blocksWritten != null) {
                    IdempotentWrites.await(blocksWritten);
                }
            }
            written();
        } catch (MongoException e) {
            throw failure("write " + entries.size() + " datasets to", e);
        }
    }

    @Override
    public void upsertProposal(Proposal proposal) throws CatalogException {
        try {
            proposals.updateOne(eq("_id", proposal.proposalId()),
                    SciCatDocuments.ownedFieldsUpdate(SciCatDocuments.toDocument(proposal)), UPSERT);
            written();
        } catch (MongoException e) {
            throw failure("write a proposal to", e);
        }
    }

    @Override
    public List<Dataset> findDatasets(DatasetQuery q) throws CatalogException {
        // The embedded server answers this sort from its creationTime index (CreationTimeIndex), as MongoDB does.
        List<Bson> filters = new ArrayList<>();
        if (q.instrument() != null) {
            filters.add(eq("instrumentIds", q.instrument()));
        }
        if (q.proposalId() != null) {
            filters.add(eq("proposalIds", q.proposalId()));
        }
        if (q.newerThan() != null) {
            filters.add(gt("creationTime", Date.from(q.newerThan())));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Dataset> out = new ArrayList<>();
        try {
            var it = datasets.find(filter)
                    .sort(Sorts.orderBy(Sorts.descending("creationTime"), Sorts.descending("_id")))
                    .skip(q.skip());
            if (q.limit() > 0) {
                it = it.limit(q.limit());
            }
            for (Document d : it) {
                Dataset ds = DatasetBatches.readOrSkip(d);
                if (ds != null) {
                    out.add(ds);
                }
            }
        } catch (MongoException e) {
            throw failure("read datasets from", e);
        }
        return out;
    }

    /** Lets scans read the embedded store's file directly (EmbeddedMongo sets it; a real MongoDB never has it). */
    void readLocally(java.util.function.Function<ScanSelection, EmbeddedDocuments.Snapshot> datasets) {
        this.localDatasets = datasets;
    }

    @Override
    public long scanDatasets(ScanSelection selection, int batchSize, Consumer<List<Dataset>> batches,
            BooleanSupplier cancelled) throws CatalogException {
        var local = localDatasets;
        if (local != null) {
            try (EmbeddedDocuments.Snapshot documents = local.apply(selection)) {
                return DatasetBatches.scan(documents, selection, batchSize, batches, cancelled);
            } catch (RuntimeException e) {
                throw new CatalogException("Could not read datasets from the catalogue at " + description + ": " + e,
                        e);
            }
        }
        List<Bson> filters = new ArrayList<>();
        if (selection.proposalId() != null) {
            filters.add(eq("proposalIds", selection.proposalId()));
        }
        if (selection.from() != null) {
            filters.add(gte("creationTime", Date.from(selection.from())));
        }
        if (selection.till() != null) {
            filters.add(lt("creationTime", Date.from(selection.till())));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        try (MongoCursor<Document> cursor = datasets.find(filter).batchSize(batchSize).iterator()) {
            return DatasetBatches.inBatches(cursor, d -> true, batchSize, batches, cancelled);
        } catch (MongoException e) {
            throw failure("read datasets from", e);
        }
    }

    @Override
    public List<Proposal> listProposals() throws CatalogException {
        List<Proposal> out = new ArrayList<>();
        try {
            for (Document d : proposals.find().sort(Sorts.ascending("_id"))) {
                try {
                    out.add(SciCatDocuments.proposal(d));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Skipping proposal " + d.get("_id") + ": " + e.getMessage());
                }
            }
        } catch (MongoException e) {
            throw failure("read proposals from", e);
        }
        return out;
    }

    @Override
    public Optional<Dataset> findDataset(String pid) throws CatalogException {
        try {
            Document d = datasets.find(eq("_id", pid)).first();
            if (d == null) {
                return Optional.empty();
            }
            Dataset ds = DatasetBatches.readOrSkip(d);
            if (ds == null) {
                throw new CatalogException("Dataset " + pid + " in the catalogue is not a valid SciCat dataset");
            }
            return Optional.of(ds);
        } catch (MongoException e) {
            throw failure("read dataset " + pid + " from", e);
        }
    }

    @Override
    public Optional<Lifecycle> findLifecycle(String pid) throws CatalogException {
        try {
            Document d = datasets.find(eq("_id", pid)).projection(new Document("datasetlifecycle", 1)).first();
            return d == null ? Optional.empty() : Optional.ofNullable(SciCatDocuments.lifecycle(d));
        } catch (MongoException e) {
            throw failure("read dataset " + pid + " from", e);
        }
    }

    @Override
    public List<OrigDatablock> findDatablocks(String datasetPid) throws CatalogException {
        List<OrigDatablock> out = new ArrayList<>();
        try {
            for (Document d : datablocks.find(eq("datasetId", datasetPid))) {
                out.add(SciCatDocuments.origDatablock(d));
            }
        } catch (MongoException e) {
            throw failure("read datablocks from", e);
        }
        return out;
    }

    @Override
    public Optional<Proposal> findProposal(String proposalId) throws CatalogException {
        try {
            Document d = proposals.find(eq("_id", proposalId)).first();
            return d == null ? Optional.empty() : Optional.of(SciCatDocuments.proposal(d));
        } catch (MongoException e) {
            throw failure("read a proposal from", e);
        }
    }

    @Override
    public long countDatasets() throws CatalogException {
        try {
            // The collection's own count: a real MongoDB keeps it in its metadata, and the embedded stand-in
            // answers it without reading a document (countDocuments aggregates over all of them).
            return datasets.estimatedDocumentCount();
        } catch (MongoException e) {
            throw failure("count datasets in", e);
        }
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

    @Override
    public StoreHealth health() {
        long t0 = System.nanoTime();
        try {
            ping();
            return StoreHealth.up(Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            return StoreHealth.down(firstLine(e.getMessage()));
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        blockWriter.shutdown();
        try {
            client.close();
        } finally {
            if (onClose != null) {
                onClose.run();
            }
        }
    }

    private void written() {
        if (afterWrite != null) {
            afterWrite.run();
        }
    }

    private CatalogException failure(String what, MongoException e) {
        return new CatalogException("Could not " + what + " the catalogue at " + description + ": "
                + firstLine(e.getMessage()), e);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
