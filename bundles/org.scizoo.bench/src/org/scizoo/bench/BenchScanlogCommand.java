package org.scizoo.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.scanlog.core.ColumnFilter;
import org.scizoo.scanlog.core.ScanColumn;
import org.scizoo.scanlog.core.ScanTable;
import org.scizoo.scanlog.core.ScanView;
import org.scizoo.scanlog.core.ScanView.Sort;

/**
 * {@code scizoo bench-scanlog}, run by {@code ./scizoo bench scanlog}: a million scans in the embedded
 * store (filled once, kept between runs), loaded into the Scanlog's model the way the workbench loads
 * them, then sorted and filtered as a user would, with the p95 latency of each and the heap in use. The
 * baselines, in the same run: the same sorts with a comparator over the rows (what a plain sorted table
 * model does) and the free texts searched cell by cell (what a plain table filter does). Sorting in the
 * store is no baseline here: the embedded stand-in sorts by holding every document in memory, which a
 * million scans do not fit in this heap.
 */
@Component(service = CliCommand.class)
public class BenchScanlogCommand implements CliCommand {

    private static final List<String> SORT_COLUMNS = List.of("creationTime", "sm.T01", "sm.sample_description",
            "name", "pid", "sm.beam_current", "scan", "sm.exposure_time");

    private final CatalogStoreProvider stores;

    @Activate
    public BenchScanlogCommand(@Reference CatalogStoreProvider stores) {
        this.stores = stores;
    }

    @Override
    public String name() {
        return "bench-scanlog";
    }

    @Override
    public String summary() {
        return "benchmark: Scanlog sort/filter p95 and heap with a million scans (see ./scizoo bench scanlog)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo bench-scanlog --data DIR [--count N] [--reps R] | --no-store [--count N]

                Fills the embedded store in DIR up to N scans (default 1000000; kept for the next run), loads
                them into the Scanlog's table model, then measures R rounds (default 5) of sorts over 8 columns
                and of 8 kinds of filter, and the heap in use. Prints p95 latencies and their ratio to the
                baselines measured in the same run. --no-store makes the scans in memory instead of reading
                them from a store: the table's own figures, without the minutes the embedded store takes to
                open and read a million scans.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("data", "count", "reps"), Set.of("no-store"));
        if (args.value("data") == null && !args.flag("no-store")) {
            throw new UsageException("--data is required (or --no-store)");
        }
        int count = args.intValue("count", 1_000_000, 1);
        int reps = args.intValue("reps", 5, 1);
        try (CatalogStore store = args.flag("no-store") ? null
                : stores.open(BackendSettings.embedded(Path.of(args.value("data"))))) {
            long heapBefore = usedHeapAfterGc();
            ScanTable table;
            if (store == null) {
                table = generate(count, out);
            } else {
                BenchEntries.fill(store, count, false, out);
                heapBefore = usedHeapAfterGc();
                table = load(store, count, out);
            }
            long t0 = System.nanoTime();
            table.prepareSorting(); // as the Scanlog's session does when a load is done
            out.printf("text columns' dictionaries sorted in %.1f s (once, after the load)%n",
                    (System.nanoTime() - t0) / 1e9);
            long heap = usedHeapAfterGc();
            out.printf("heap in use after GC: %d MB (the table: %d MB; the store's cache and the JVM: %d MB);"
                    + " goal < 1536 MB: %s%n", heap >> 20, (heap - heapBefore) >> 20, heapBefore >> 20,
                    heap < 1536L << 20 ? "met" : "NOT met");

            ScanView view = new ScanView(table);
            List<String> shown = List.of("scan", "startTime", "pi", "name", "sm.sample_description", "dataPath",
                    "comment");
            double[] sorts = sorts(table, view, reps, shown, count);
            double[] filters = filters(table, view, reps, shown);
            double[] comparator = comparatorSorts(table);
            double[] naive = naiveFilters(table, shown);
            out.printf("sort:   p95 %.0f ms, median %.0f ms, max %.0f ms over %d sorts (every 4th after a live"
                    + " batch of 10 scans); goal p95 < 150 ms: %s%n", p(sorts, 95), p(sorts, 50), p(sorts, 100),
                    sorts.length, p(sorts, 95) < 150 ? "met" : "NOT met");
            out.printf("filter: p95 %.0f ms, median %.0f ms, max %.0f ms over %d filters; goal p95 < 150 ms: %s%n",
                    p(filters, 95), p(filters, 50), p(filters, 100), filters.length,
                    p(filters, 95) < 150 ? "met" : "NOT met");
            out.printf("baseline sort: a comparator over the same rows and columns (what a plain sorted table model"
                    + " does): p95 %.0f ms; ours is %.1fx faster%n", p(comparator, 95),
                    p(comparator, 95) / p(sorts, 95));
            out.printf("baseline filter: each shown cell's text lower-cased and searched (what a plain table filter"
                    + " does): p95 %.0f ms; ours is %.1fx faster%n", p(naive, 95), p(naive, 95) / p(filters, 95));
            return OK;
        } catch (CatalogException e) {
            err.println("scizoo bench-scanlog: " + e.getMessage());
            return FAILED;
        }
    }

    /** --no-store: the same scans made here and added straight to the table (the model alone, in seconds). */
    private static ScanTable generate(int count, PrintStream out) {
        ScanTable table = new ScanTable(count);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i += 5_000) {
            List<Dataset> batch = new ArrayList<>(5_000);
            for (int k = i; k < Math.min(count, i + 5_000); k++) {
                batch.add(BenchEntries.dataset(k));
            }
            table.addAll(batch);
        }
        out.printf("no store: %d scans made and added to the table in %.1f s%n", table.size(),
                (System.nanoTime() - t0) / 1e9);
        return table;
    }

    private static ScanTable load(CatalogStore store, int count, PrintStream out) throws CatalogException {
        ScanTable table = new ScanTable(count);
        AtomicLong firstBatch = new AtomicLong();
        long t0 = System.nanoTime();
        long skipped = store.scanDatasets(ScanSelection.all(), 5_000, batch -> {
            table.addAll(batch);
            firstBatch.compareAndSet(0, System.nanoTime() - t0);
            if (table.size() % 100_000 == 0) {
                out.printf("  %d loaded after %.0f s%n", table.size(), (System.nanoTime() - t0) / 1e9);
            }
        }, () -> false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("load: first 5000 rows after %.2f s, all %d after %.1f s (%.0f scans/s; %d invalid skipped)%n",
                firstBatch.get() / 1e9, table.size(), seconds, table.size() / seconds, skipped);
        return table;
    }

    private static double[] sorts(ScanTable table, ScanView view, int reps, List<String> shown, int count) {
        List<Double> ms = new ArrayList<>();
        int live = 0;
        for (int r = 0; r < reps; r++) {
            for (String column : SORT_COLUMNS) {
                for (boolean ascending : new boolean[] { true, false }) {
                    if (ms.size() % 4 == 3) {
                        List<Dataset> batch = new ArrayList<>();
                        for (int k = 0; k < 10; k++) {
                            batch.add(BenchEntries.dataset(count + live++));
                        }
                        table.addAll(batch); // a live batch: the next sort cannot reuse anything cached
                    }
                    long t0 = System.nanoTime();
                    ScanView.Rows rows = view.compute(new Sort(column, ascending), List.of(), null, shown);
                    ms.add((System.nanoTime() - t0) / 1e6);
                    check(rows.size() == table.size(), "a sort lost rows");
                }
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] filters(ScanTable table, ScanView view, int reps, List<String> shown) {
        ScanColumn t01 = table.column("sm.T01");
        ScanColumn current = table.column("sm.beam_current");
        ScanColumn sample = table.column("sm.sample_description");
        ScanColumn start = table.column("startTime");
        ScanColumn name = table.column("name");
        List<List<ColumnFilter>> columnFilters = List.of(
                List.of(ColumnFilter.parse(t01, "> 300 K")),
                List.of(ColumnFilter.parse(t01, "25..28"), ColumnFilter.parse(current, ">= 0.4 A")),
                List.of(ColumnFilter.parse(sample, "buffer 7")),
                List.of(ColumnFilter.parse(start, "2026-11-22..2026-11-25")),
                List.of(ColumnFilter.parse(name, "scan_4242")));
        List<String> texts = List.of("lysozyme in buffer 11", "scan_77", "BUFFER 3", "/20250045/");
        Sort[] sortsToKeep = { Sort.NEWEST_FIRST, new Sort("sm.T01", true), new Sort("name", false) };
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            Sort sort = sortsToKeep[r % sortsToKeep.length];
            for (List<ColumnFilter> f : columnFilters) {
                ms.add(timeFilter(view, sort, f, null, shown));
            }
            for (String text : texts) {
                ms.add(timeFilter(view, sort, List.of(), text, shown));
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double timeFilter(ScanView view, Sort sort, List<ColumnFilter> f, String text, List<String> shown) {
        view.compute(sort, List.of(), null, shown); // the sort is in place before the user types
        long t0 = System.nanoTime();
        ScanView.Rows rows = view.compute(sort, f, text, shown);
        double ms = (System.nanoTime() - t0) / 1e6;
        check(rows.size() > 0, "filter " + f.stream().map(ColumnFilter::expression).toList() + " " + text
                + " found nothing");
        return ms;
    }

    /** The baseline: rows sorted by a comparator on the columns' values, as a plain table model would. */
    private static double[] comparatorSorts(ScanTable table) {
        List<Double> ms = new ArrayList<>();
        for (String id : SORT_COLUMNS) {
            ScanColumn c = table.column(id);
            Comparator<Integer> byValue = c.kind() == ScanColumn.Kind.TEXT
                    ? Comparator.comparing(c::text)
                    : Comparator.comparingDouble(c::number);
            Integer[] rows = new Integer[table.size()];
            Arrays.setAll(rows, i -> i);
            long t0 = System.nanoTime();
            Arrays.sort(rows, byValue);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The filter baseline: the free texts searched cell by cell in the shown columns' text. */
    private static double[] naiveFilters(ScanTable table, List<String> shown) {
        List<ScanColumn> columns = shown.stream().map(table::column).toList();
        List<Double> ms = new ArrayList<>();
        for (String text : List.of("lysozyme in buffer 11", "scan_77", "BUFFER 3", "/20250045/")) {
            String needle = text.toLowerCase();
            long t0 = System.nanoTime();
            int hits = 0;
            for (int r = 0; r < table.size(); r++) {
                for (ScanColumn c : columns) {
                    if (c.text(r).toLowerCase().contains(needle)) {
                        hits++;
                        break;
                    }
                }
            }
            ms.add((System.nanoTime() - t0) / 1e6);
            check(hits > 0, "the naive filter found nothing for " + text);
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double p(double[] values, int percentile) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(percentile / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("bench-scanlog: " + what);
        }
    }
}
