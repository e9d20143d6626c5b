package org.scizoo.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.DatasetField;
import org.scizoo.core.search.FieldCondition;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamCondition.Op;
import org.scizoo.core.search.SearchHit;
import org.scizoo.core.search.SearchQuery;

/**
 * The Scanlog's own reads two ways, for the embedded store's next design (which the issue on the embedded
 * store decides): as the store answers them today (its newest-first page, from the creationTime index the
 * embedded server keeps), and as the search index could (the page's pids, newest first, then each dataset
 * read from the store by its pid, or the page read in one query on {@code _id}, decoded as the store decodes
 * its own). Each is timed R times after a warm-up; the median is printed.
 */
final class ScanlogReads {

    private static final int PAGE = 200;

    private ScanlogReads() {
    }

    static void measure(PrintStream out, CatalogStore store, java.nio.file.Path storeDir, DatasetSearch search,
            String proposal, int reps) throws CatalogException, InvalidQueryException {
        out.println("the Scanlog's reads, a page of " + PAGE + " (median of " + reps + "):");
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients
                .create(BenchIngestCommand.EmbeddedPort.uri(storeDir))) {
            var datasets = client.getDatabase("scicat").getCollection("Dataset");
            compare(out, "newest first", store, datasets, search, DatasetQuery.newest(PAGE), List.of(), reps);
            compare(out, "one proposal's, newest first", store, datasets, search,
                    new DatasetQuery(null, proposal, null, 0, PAGE),
                    List.of(new FieldCondition(DatasetField.PROPOSAL_IDS, Op.EQ, List.of(proposal))), reps);
        }
    }

    private static void compare(PrintStream out, String what, CatalogStore store,
            com.mongodb.client.MongoCollection<org.bson.Document> datasets, DatasetSearch search, DatasetQuery query,
            List<Criterion> conditions, int reps) throws CatalogException, InvalidQueryException {
        SearchQuery q = new SearchQuery("", conditions, PAGE, 0);
        double[] ours = new double[reps];
        double[] pidsOnly = new double[reps];
        double[] indexed = new double[reps];
        double[] inOne = new double[reps];
        List<String> fromStore = pids(store.findDatasets(query)); // warm-up
        List<String> fromIndex = read(store, search.search(q, null).hits());
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            store.findDatasets(query);
            ours[r] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            List<SearchHit> hits = search.search(q, null).hits();
            pidsOnly[r] = (System.nanoTime() - t0) / 1e6;
            read(store, hits);
            indexed[r] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            List<String> pids = search.search(q, null).hits().stream().map(SearchHit::pid).toList();
            List<Dataset> page = new ArrayList<>(); // decoded as the store decodes its own page
            for (org.bson.Document d : datasets.find(com.mongodb.client.model.Filters.in("_id", pids))) {
                page.add(org.scizoo.core.scicat.SciCatDocuments.dataset(d));
            }
            int n = page.size();
            inOne[r] = (System.nanoTime() - t0) / 1e6;
            if (n != pids.size()) {
                throw new CatalogException("the store found " + n + " of the page's " + pids.size() + " pids");
            }
        }
        out.printf("  %-30s store %7.1f ms; index %5.1f ms for the pids, %7.1f ms with each dataset read by pid,"
                + " %7.1f ms with the page read in one query (_id in the pids)%s%n", what,
                BenchScanlogCommand.p(ours, 50), BenchScanlogCommand.p(pidsOnly, 50),
                BenchScanlogCommand.p(indexed, 50), BenchScanlogCommand.p(inOne, 50),
                fromStore.equals(fromIndex) ? "" : " (the pages differ!)");
    }

    private static List<String> read(CatalogStore store, List<SearchHit> hits) throws CatalogException {
        List<String> pids = new ArrayList<>();
        for (SearchHit h : hits) {
            store.findDataset(h.pid()).ifPresent(d -> pids.add(d.pid()));
        }
        return pids;
    }

    private static List<String> pids(List<Dataset> datasets) {
        return datasets.stream().map(Dataset::pid).toList();
    }
}
