package org.scizoo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetSearch;
import org.scizoo.core.ports.DatasetSearchProvider;
import org.scizoo.core.search.Criterion;
import org.scizoo.core.search.FacetFilter;
import org.scizoo.core.search.InvalidQueryException;
import org.scizoo.core.search.ParamConditions;
import org.scizoo.core.search.SearchQuery;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * {@code scizoo bench-search}, run by {@code ./scizoo bench search}: the search index over a catalogue of N
 * scans (the embedded store, filled once and kept; one scan in ten in kelvin and amperes, so units are mixed):
 * its build rate and size on disk against the catalogue's, then 40 searches (words, 1–3 conditions with unit
 * conversion, a visitor's groups, facets counted and picked, pages further down), p50 and p95, and the slowest;
 * and the Scanlog's own reads from the store and from the index ({@link ScanlogReads}).
 * Baseline in the same run: the searches with conditions only, as the MongoDB filter on SciCat's
 * {@code valueSI}/{@code unitSI} that a store would run, against the same embedded store.
 */
@Component(service = CliCommand.class)
public class BenchSearchCommand implements CliCommand {

    private static final String VISITOR = "20250042";
    private final CatalogStoreProvider stores;
    private final DatasetSearchProvider engine;

    @Activate
    public BenchSearchCommand(@Reference CatalogStoreProvider stores, @Reference DatasetSearchProvider engine) {
        this.stores = stores;
        this.engine = engine;
    }

    @Override
    public String name() {
        return "bench-search";
    }

    @Override
    public String summary() {
        return "benchmark: the search index's build rate and 40 searches, against MongoDB filters (./scizoo bench search)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo bench-search --data DIR [--count N] [--reps R] [--baseline B]

                Fills the embedded store in DIR up to N scans (default 1000000; kept for the next run), builds the
                search index from it afresh (datasets/s; size on disk beside the catalogue's), runs 40 searches R
                times each (default 5; one warm-up) and prints p50 and p95, then the first B searches with
                conditions only (default 4) as MongoDB filters on the store, once each, and the ratio.""";
    }

    /**
     * A search of the 40: its words, its typed conditions, a visitor's groups or all, its page, whether it
     * counts the facets, and the facet values it keeps ({@code proposal=…}).
     */
    private record Search(String words, List<String> conditions, boolean visitor, int skip, boolean countFacets,
            List<String> facets) {

        Search(String words, List<String> conditions, boolean visitor, int skip) {
            this(words, conditions, visitor, skip, false, List.of());
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (!words.isEmpty()) {
                parts.add("'" + words + "'");
            }
            parts.addAll(conditions);
            parts.addAll(facets);
            return String.join(" & ", parts) + (visitor ? ", a visitor's" : "") + (countFacets ? ", facets counted"
                    : "") + (skip > 0 ? ", from hit " + skip : "");
        }
    }

    private static List<Search> searches() {
        List<Search> s = new ArrayList<>();
        String[] words = { "lysozyme", "buffer 7", "SEC-SAXS scan", "lysozyme buffer 3", "saxs" };
        String[][] conditions = { { "T01 > 300 K" }, { "T01 26..27 degC" }, { "energy 12..13 keV" },
                { "beam_current > 0.4 A" }, { "sample_concentration <= 2 mg/ml" }, { "exposure_time = 0.5 s" },
                { "T01 > 300 K", "beam_current < 400 mA" }, { "frames in 10,12", "T02 >= 22 degC" },
                { "T01 > 25 degC", "energy 12..13 keV", "sample_concentration > 5 mg/ml" },
                { "detector_distance = 3 m", "exposure_time > 0.5 s", "T02 < 300 K" } };
        for (String[] c : conditions) {
            s.add(new Search("", List.of(c), false, 0)); // 10 with conditions only
        }
        for (String w : words) {
            s.add(new Search(w, List.of(), false, 0)); // 5 of words
        }
        for (int i = 0; i < 10; i++) { // 10 of both, counting the facets
            s.add(new Search(words[i % words.length], List.of(conditions[i]), false, 0, true, List.of()));
        }
        for (int i = 0; i < 10; i++) {
            s.add(new Search(i % 2 == 0 ? words[i % words.length] : "", List.of(conditions[i]), true, 0)); // visitor
        }
        for (int i = 0; i < 5; i++) { // a page further down in one proposal (and type), counting the facets
            s.add(new Search(words[i], List.of(), false, 500, true,
                    i % 2 == 0 ? List.of("proposal=" + VISITOR) : List.of("proposal=" + VISITOR, "type=raw")));
        }
        return s;
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("data", "count", "reps", "baseline"), Set.of());
        if (args.value("data") == null) {
            throw new UsageException("--data is required");
        }
        int count = args.intValue("count", 1_000_000, 1);
        int reps = args.intValue("reps", 5, 1);
        int baselines = args.intValue("baseline", 4, 0);
        Path data = Path.of(args.value("data"));
        Path indexDir = data.resolve("search-index");
        try (CatalogStore store = stores.open(BackendSettings.embedded(data.resolve("store")))) {
            BenchEntries.fill(store, count, false, out);
            long total = store.countDatasets();
            deleteTree(indexDir);
            long t0 = System.nanoTime();
            try (DatasetSearch search = engine.open(store, indexDir, m -> {
            })) {
                double build = (System.nanoTime() - t0) / 1e9;
                long indexBytes = size(indexDir);
                long storeBytes = size(data.resolve("store"));
                out.printf("index build: %,d datasets in %.1f s, %,.0f datasets/s (goal >= 10,000); on disk %,d MB,"
                        + " the catalogue %,d MB (goal: no larger)%n", total, build, total / build, indexBytes >> 20,
                        storeBytes >> 20);
                List<Search> all = searches();
                double[] times = new double[all.size() * reps];
                double[] engineFirst = new double[baselines];
                double[] slowest = new double[all.size()];
                long[] found = new long[all.size()];
                int n = 0;
                for (int i = 0; i < all.size(); i++) {
                    SearchQuery q = query(all.get(i));
                    Set<String> groups = all.get(i).visitor() ? Set.of(VISITOR) : null;
                    found[i] = search.search(q, groups).total(); // warm-up
                    for (int r = 0; r < reps; r++) {
                        long s0 = System.nanoTime();
                        search.search(q, groups);
                        times[n++] = (System.nanoTime() - s0) / 1e6;
                        slowest[i] = Math.max(slowest[i], times[n - 1]);
                        if (i < baselines && r == 0) {
                            engineFirst[i] = times[n - 1];
                        }
                    }
                }
                out.printf("searches: %d kinds x %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms (goal p95 < 50 ms); heap"
                        + " after GC %,d MB%n", all.size(), reps, BenchScanlogCommand.p(times, 50),
                        BenchScanlogCommand.p(times, 95), BenchScanlogCommand.p(times, 100),
                        BenchScanlogCommand.usedHeapAfterGc() >> 20);
                Integer[] bySlowness = new Integer[all.size()];
                for (int i = 0; i < bySlowness.length; i++) {
                    bySlowness[i] = i;
                }
                java.util.Arrays.sort(bySlowness, (a, b) -> Double.compare(slowest[b], slowest[a]));
                for (int k = 0; k < Math.min(5, bySlowness.length); k++) {
                    int i = bySlowness[k];
                    double[] mine = java.util.Arrays.copyOfRange(times, i * reps, (i + 1) * reps);
                    out.printf("  slowest: %6.1f ms (median %5.1f ms)  %s (%,d found)%n", slowest[i],
                            BenchScanlogCommand.p(mine, 50), all.get(i).describe(), found[i]);
                }
                ScanlogReads.measure(out, store, data.resolve("store"), search, VISITOR, reps);
                long heap = Runtime.getRuntime().maxMemory();
                if (baselines > 0 && storeBytes > heap / 2) {
                    // measured: at a million scans (8.6 GB) the server's heap ran out in the first filter
                    out.printf("baseline: not run: mongo-java-server reads every document of the collection into its"
                            + " heap for a filter, and the catalogue (%,d MB) is more than half of this heap (%,d MB);"
                            + " run it on a smaller catalogue (--count)%n", storeBytes >> 20, heap >> 20);
                } else if (baselines > 0) {
                    baseline(out, data.resolve("store"), all.subList(0, baselines), engineFirst);
                }
            }
            return OK;
        } catch (CatalogException | InvalidQueryException | IOException e) {
            err.println("scizoo bench-search: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * The conditions-only searches as a store's MongoDB filter: the first 50 found and the count. Unsorted: the
     * least a store does for them (sorted newest first, mongo-java-server sorts every match in memory and
     * runs out of heap at a million), so the ratio is a lower bound.
     */
    private static void baseline(PrintStream out, Path storeDir, List<Search> searches, double[] engineMs)
            throws CatalogException, InvalidQueryException {
        try (MongoClient client = MongoClients.create(BenchIngestCommand.EmbeddedPort.uri(storeDir))) {
            var datasets = client.getDatabase("scicat").getCollection("Dataset");
            double ours = 0;
            double theirs = 0;
            for (int i = 0; i < searches.size(); i++) {
                Bson filter = mongoFilter(searches.get(i).conditions());
                long t0 = System.nanoTime();
                List<Document> page = datasets.find(filter).limit(50).into(new ArrayList<>());
                long matched = datasets.countDocuments(filter);
                double ms = (System.nanoTime() - t0) / 1e6;
                out.printf("  baseline %-40s MongoDB filter %,9.0f ms (%,d found, %d shown)   index %.1f ms%n",
                        String.join(" & ", searches.get(i).conditions()), ms, matched, page.size(), engineMs[i]);
                ours += engineMs[i];
                theirs += ms;
            }
            out.printf("baseline: the index answers the same conditions %.0fx faster than the MongoDB filter on the"
                    + " embedded store (goal >= 20x)%n", theirs / ours);
        }
    }

    /** SciCat's own way to ask: the condition's value in SI units against {@code valueSI}, in its {@code unitSI}. */
    private static Bson mongoFilter(List<String> typed) throws InvalidQueryException {
        List<Bson> all = new ArrayList<>();
        for (String t : typed) {
            var c = ParamConditions.parse(t);
            var zero = org.scizoo.core.units.SciCatUnits.toSiStrictly(0.0, c.unit()).orElseThrow();
            double offset = ((Number) zero.valueSI()).doubleValue();
            double factor = ((Number) org.scizoo.core.units.SciCatUnits.toSiStrictly(1.0, c.unit()).orElseThrow()
                    .valueSI()).doubleValue() - offset;
            List<Double> v = c.values().stream().map(x -> x * factor + offset).toList();
            String field = "scientificMetadata." + c.key() + ".valueSI";
            Bson value = switch (c.op()) {
                case EQ -> Filters.eq(field, v.get(0));
                case NEQ -> Filters.ne(field, v.get(0));
                case LT -> Filters.lt(field, v.get(0));
                case LTE -> Filters.lte(field, v.get(0));
                case GT -> Filters.gt(field, v.get(0));
                case GTE -> Filters.gte(field, v.get(0));
                case BETWEEN -> Filters.and(Filters.gte(field, v.get(0)), Filters.lte(field, v.get(1)));
                case INQ -> Filters.in(field, v);
            };
            all.add(Filters.and(value, Filters.eq("scientificMetadata." + c.key() + ".unitSI", zero.unitSI())));
        }
        return Filters.and(all);
    }

    private static SearchQuery query(Search s) throws InvalidQueryException {
        List<Criterion> conditions = new ArrayList<>();
        for (String c : s.conditions()) {
            conditions.add(ParamConditions.parse(c));
        }
        List<FacetFilter> filters = new ArrayList<>();
        for (String f : s.facets()) {
            filters.add(FacetFilter.parse(f));
        }
        return new SearchQuery(s.words(), conditions, filters, s.countFacets(), 50, s.skip());
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
