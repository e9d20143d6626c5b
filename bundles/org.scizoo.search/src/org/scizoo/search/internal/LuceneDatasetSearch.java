package org.scizoo.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.core.search.FacetCount;
import org.scizoo.core.search.FacetDim;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamCondition;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.core.search.SearchResults;

/**
 * The catalogue's Lucene index, in a folder of its own. Opened as its writer when no other process writes it:
 * built from the catalogue when its count differs from the store's, then kept in step by the store's live
 * feed (each batch made searchable at once, and committed). Opened by a second process (the CLI beside a
 * workbench), it is read as committed, refreshed before each search.
 * <p>
 * Scoring: Lucene's BM25 over English words (Lucene's EnglishAnalyzer: lower case, English stop words,
 * Porter stemming, as the PaNOSC scoring service prepares text), normalised per query by dividing by the best
 * score, so the best hit is 1; a search without words ranks by time, newest first, every hit scoring 1.
 */
public final class LuceneDatasetSearch implements DatasetSearch {

    private static final int DEFAULT_LIMIT = 50;
    private static final int BUILD_BATCH = 1000;
    /**
     * What the index's documents hold; an index of another version is built again. 2: with facets; 3: its
     * segments sorted newest first; 4: with the dataset's own fields.
     */
    private static final String VERSION_KEY = "scizoo.search.version";
    private static final String VERSION = "4";
    /**
     * Datasets newest first within each segment, as the searches without words list them: such a search then
     * stops after its page in each segment instead of ranking every hit by time.
     */
    private static final Sort NEWEST_FIRST = new Sort(new SortField(DatasetDocuments.CREATED, SortField.Type.LONG,
            true));
    private static final System.Logger LOG = System.getLogger(LuceneDatasetSearch.class.getName());

    private final FSDirectory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CatalogStore store;
    private final Map<String, Optional<Proposal>> proposals = new HashMap<>();
    private final LuceneFacets facets = new LuceneFacets();
    private final ExecutorService slices;
    private AutoCloseable feed;

    private LuceneDatasetSearch(CatalogStore store, FSDirectory directory, IndexWriter writer,
            SearcherManager searchers, ExecutorService slices) {
        this.store = store;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.slices = slices;
    }

    /**
     * Threads that search an index's segments side by side, one per core: a search over most of a million
     * datasets (facets counted over every hit) is then shared by the cores rather than left to one.
     */
    private static ExecutorService sliceThreads() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "scizoo-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static SearcherFactory searcherFactory(ExecutorService slices) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, slices);
            }
        };
    }

    public static LuceneDatasetSearch open(CatalogStore store, Path dir, Consumer<String> progress)
            throws CatalogException {
        FSDirectory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriter writer;
            try {
                writer = writer(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            } catch (IllegalArgumentException e) {
                // an index of an earlier version, sorted otherwise: made anew (catchUp fills it)
                progress.accept("search index: made anew (" + e.getMessage() + ")");
                writer = writer(directory, IndexWriterConfig.OpenMode.CREATE);
            } catch (LockObtainFailedException e) {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new CatalogException("The search index in " + dir + " is being made by another SciZoo; "
                            + "search again when it is done");
                }
                progress.accept("search index: read as another SciZoo keeps it (" + dir + ")");
                ExecutorService slices = sliceThreads();
                return new LuceneDatasetSearch(store, directory, null,
                        new SearcherManager(directory, searcherFactory(slices)), slices);
            }
            ExecutorService slices = sliceThreads();
            LuceneDatasetSearch search = new LuceneDatasetSearch(store, directory, writer,
                    new SearcherManager(writer, searcherFactory(slices)), slices);
            try {
                search.catchUp(progress);
            } catch (CatalogException | IOException | RuntimeException e) {
                search.close(); // its writer's lock with it: the next open tries again
                throw e;
            }
            search.feed = store.watch(search::stored, problem -> {
                if (problem != null) {
                    LOG.log(System.Logger.Level.WARNING, "search index: the live feed stopped: " + problem);
                }
            }).orElse(null);
            return search;
        } catch (IOException e) {
            closeQuietly(directory);
            throw new CatalogException("Could not open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static IndexWriter writer(FSDirectory directory, IndexWriterConfig.OpenMode mode) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()).setOpenMode(mode)
                .setRAMBufferSizeMB(64).setIndexSort(NEWEST_FIRST));
    }

    /** Builds the index again when it does not hold as many datasets as the store, or is of another version. */
    private void catchUp(Consumer<String> progress) throws CatalogException, IOException {
        long want = store.countDatasets();
        long have = writer.getDocStats().numDocs;
        String version = null;
        Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData(); // null for a new index
        for (Map.Entry<String, String> e : committed == null ? List.<Map.Entry<String, String>>of() : committed) {
            if (VERSION_KEY.equals(e.getKey())) {
                version = e.getValue();
            }
        }
        writer.setLiveCommitData(Map.of(VERSION_KEY, VERSION).entrySet());
        if (want == have && (VERSION.equals(version) || have == 0)) {
            return;
        }
        progress.accept("search index: building it from " + want + " datasets (it held " + have
                + (VERSION.equals(version) ? "" : ", of an earlier version") + ")");
        writer.deleteAll();
        long t0 = System.nanoTime();
        long[] done = { 0 };
        IOException[] failed = { null };
        store.scanDatasets(new ScanSelection(null, null, null), BUILD_BATCH, batch -> {
            try {
                for (Dataset d : batch) {
                    writer.updateDocument(new Term(DatasetDocuments.PID, d.pid()), document(d));
                }
            } catch (IOException e) {
                failed[0] = e;
            }
            done[0] += batch.size();
            if (done[0] % 50_000 < batch.size()) {
                progress.accept(String.format("search index: %,d of %,d datasets", done[0], want));
            }
        }, () -> failed[0] != null);
        if (failed[0] != null) {
            throw failed[0];
        }
        // A built index is then mostly read: merged now into one segment per core (searched side by side),
        // the searches that follow neither wait for the writer's background merges nor share the cores with them.
        progress.accept("search index: merging it");
        writer.forceMerge(Math.max(1, Runtime.getRuntime().availableProcessors()));
        writer.commit();
        searchers.maybeRefreshBlocking();
        progress.accept(String.format("search index: %,d datasets in %.1f s", done[0],
                (System.nanoTime() - t0) / 1e9));
    }

    private Document document(Dataset d) throws IOException {
        return facets.build(DatasetDocuments.of(d, id -> proposals.computeIfAbsent(id, this::proposal).orElse(null)),
                d);
    }

    private Optional<Proposal> proposal(String id) {
        try {
            return store.findProposal(id);
        } catch (CatalogException e) {
            return Optional.empty(); // indexed without its proposal's words; the dataset itself is found
        }
    }

    @Override
    public synchronized void stored(List<Dataset> datasets) {
        if (writer == null || datasets.isEmpty()) {
            return;
        }
        try {
            for (Dataset d : datasets) {
                writer.updateDocument(new Term(DatasetDocuments.PID, d.pid()), document(d));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "search index: could not add " + datasets.size() + " datasets: " + e);
        }
    }

    @Override
    public SearchResults search(SearchQuery q, Set<String> groups) throws CatalogException, InvalidQueryException {
        Query query = facets.filter(LuceneQueries.of(q, groups, analyzer), q.filters());
        boolean byWords = !LuceneQueries.words(q.text(), analyzer).isEmpty();
        int limit = q.limit() == 0 ? DEFAULT_LIMIT : q.limit();
        try {
            if (writer == null) {
                searchers.maybeRefresh();
            }
            IndexSearcher s = searchers.acquire();
            try {
                checkUnits(q, s.getIndexReader());
                int n = q.skip() + limit;
                Sort newestFirst = byWords ? null : NEWEST_FIRST;
                TopDocs top;
                long total;
                Map<FacetDim, List<FacetCount>> counts = Map.of();
                if (q.countFacets()) {
                    FacetsCollectorManager.FacetsResult r = byWords
                            ? FacetsCollectorManager.search(s, query, n, new FacetsCollectorManager())
                            : FacetsCollectorManager.search(s, query, n, newestFirst, new FacetsCollectorManager());
                    top = r.topDocs();
                    counts = facets.count(s.getIndexReader(), r.facetsCollector(), slices);
                    total = r.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
                } else {
                    top = byWords ? s.search(query, n) : s.search(query, n, newestFirst);
                    total = s.count(query);
                }
                float best = byWords && top.scoreDocs.length > 0 ? top.scoreDocs[0].score : 1f;
                List<SearchHit> hits = new ArrayList<>();
                var stored = s.storedFields();
                for (int i = q.skip(); i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document d = stored.document(sd.doc);
                    double score = byWords ? sd.score / best : 1.0;
                    hits.add(new SearchHit(d.get(DatasetDocuments.PID), score, d.get(DatasetDocuments.NAME),
                            Instant.ofEpochMilli(d.getField(DatasetDocuments.CREATED).numericValue().longValue())));
                }
                return new SearchResults(hits, total, counts);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new CatalogException("The search index could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * A condition whose unit is not the dimension its key is stored in (300 keV for a temperature) would find
     * nothing, silently: it is refused, naming the units the key has.
     */
    private static void checkUnits(SearchQuery q, IndexReader reader) throws IOException, InvalidQueryException {
        List<ParamCondition> params = new ArrayList<>();
        q.conditions().forEach(c -> LuceneQueries.params(c, params));
        SortedMap<String, List<String>> keys = params.isEmpty() ? new TreeMap<>() : numericKeys(reader);
        for (ParamCondition c : params) {
            List<String> stored = keys.getOrDefault(c.key(), List.of());
            String wanted = LuceneQueries.unitSI(c);
            if (!stored.isEmpty() && !stored.contains(wanted)) {
                throw new InvalidQueryException("The unit '" + c.unit() + "' of " + c + " does not convert to what "
                        + c.key() + " is stored in (SI: " + String.join(", ", stored.stream()
                                .map(u -> u.isEmpty() ? "no unit" : u).toList())
                        + ")");
            }
        }
    }

    @Override
    public SortedMap<String, List<String>> numericKeys() throws CatalogException {
        try {
            if (writer == null) {
                searchers.maybeRefresh();
            }
            IndexSearcher s = searchers.acquire();
            try {
                return numericKeys(s.getIndexReader());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new CatalogException("The search index could not be read: " + e.getMessage(), e);
        }
    }

    /** Each key's SI units, from the index's {@code has} terms ({@code n:KEY:UNIT}, the unit after the last ':'). */
    private static SortedMap<String, List<String>> numericKeys(IndexReader reader) throws IOException {
        SortedMap<String, List<String>> out = new TreeMap<>();
        Terms terms = MultiTerms.getTerms(reader, DatasetDocuments.HAS);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                String field = t.utf8ToString();
                int unit = field.lastIndexOf(':');
                out.computeIfAbsent(field.substring(DatasetDocuments.NUMERIC.length(), unit),
                        k -> new ArrayList<>()).add(field.substring(unit + 1));
            }
        }
        return out;
    }

    @Override
    public long size() throws CatalogException {
        try {
            if (writer == null) {
                searchers.maybeRefresh();
            }
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new CatalogException("The search index could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(feed);
        closeQuietly(searchers);
        closeQuietly(writer);
        closeQuietly(directory);
        slices.shutdown();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "search index: closing " + c + ": " + e);
        }
    }
}
