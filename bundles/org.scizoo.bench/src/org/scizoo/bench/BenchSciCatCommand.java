package org.scizoo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.core.ports.SciCatLogin;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/**
 * {@code scizoo bench-scicat}, run by {@code ./scizoo bench scicat}: the Scanlog's reads through the real
 * SciCat backend against the same reads from the store directly, in one run, on the same catalogue (the
 * embedded store, filled once and kept, which SciCat reads over its MongoDB protocol). Two SciCat users: staff
 * (an admin), who see every dataset, and a visitor, who sees one proposal's (a twentieth); the store's reads
 * for the visitor are the same proposal's, without SciCat's access filter.
 */
@Component(service = CliCommand.class)
public class BenchSciCatCommand implements CliCommand {

    private static final int PAGE = 1_000;
    /** The visitor's proposal: scan i is in proposal 20250042 + i % 20 ({@link BenchEntries}). */
    private static final String VISITOR_PROPOSAL = "20250042";

    private final CatalogStoreProvider stores;

    @Activate
    public BenchSciCatCommand(@Reference CatalogStoreProvider stores) {
        this.stores = stores;
    }

    @Override
    public String name() {
        return "bench-scicat";
    }

    @Override
    public String summary() {
        return "benchmark: the Scanlog's pages through SciCat against the store directly (see ./scizoo bench scicat)";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo bench-scicat --data DIR --scicat-dir DIR [--count N] [--reps R] [--writes W]

                Fills the embedded store in DIR up to N scans (default 100000; kept for the next run), starts
                SciCat's backend (built in --scicat-dir) on it, and measures R times (default 5) the Scanlog's
                first page of 1000 and a 1000-dataset page in the middle of the list, through SciCat as staff
                (who see everything) and as a visitor who sees one proposal, and from the store directly. Prints the
                median and the worst time of each and the ratio to the store's. Then writes W new datasets
                (default 100) as SciCow's MongoDB sink does and W more through SciCat's API as its SciCat sink
                does, and prints both rates (the store keeps them: 2W more datasets each run).""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Set.of("data", "scicat-dir", "count", "reps", "writes"), Set.of());
        if (args.value("data") == null || args.value("scicat-dir") == null) {
            throw new UsageException("--data and --scicat-dir are required");
        }
        int count = args.intValue("count", 100_000, 1);
        int reps = args.intValue("reps", 5, 1);
        Path data = Path.of(args.value("data"));
        try (CatalogStore store = stores.open(BackendSettings.embedded(data.resolve("store")))) {
            BenchEntries.fill(store, count, true, out);
            String uri = "mongodb://127.0.0.1:" + Files.readString(data.resolve("store/catalog.port")).strip()
                    + "/scicat";
            long t0 = System.nanoTime();
            try (SciCatPeer scicat = new SciCatPeer(Path.of(args.value("scicat-dir")), data.resolve("scicat"), uri,
                    VISITOR_PROPOSAL)) {
                out.printf("SciCat 4.5.0 started on the store in %.1f s; %d repetitions, median (worst)%n",
                        (System.nanoTime() - t0) / 1e9, reps);
                long total = store.countDatasets();

                compare(out, "first page, every dataset", reps,
                        () -> firstPage(store, ScanSelection.all()),
                        () -> firstPage(scicat, SciCatPeer.STAFF, ScanSelection.all()), "staff");
                compare(out, "first page, one proposal", reps,
                        () -> firstPage(store, ScanSelection.proposal(VISITOR_PROPOSAL)),
                        () -> firstPage(scicat, SciCatPeer.VISITOR, ScanSelection.all()), "visitor");
                DatasetQuery middle = new DatasetQuery(null, null, null, (int) (total / 2), PAGE);
                compare(out, "1000 from the middle, every dataset", reps, () -> page(store, middle),
                        () -> page(scicat, SciCatPeer.STAFF, middle), "staff");
                // the middle of the visitor's proposal (a twentieth of the catalogue), a whole page from its end
                int visitorSkip = (int) Math.max(0, Math.min(total / 40, total / 20 - PAGE));
                DatasetQuery visitorMiddle = new DatasetQuery(null, null, null, visitorSkip, PAGE);
                compare(out, "1000 from the middle, one proposal", reps,
                        () -> page(store, new DatasetQuery(null, VISITOR_PROPOSAL, null, visitorSkip, PAGE)),
                        () -> page(scicat, SciCatPeer.VISITOR, visitorMiddle), "visitor");
                sinks(out, store, scicat, args.intValue("writes", 100, 1));
            }
            return OK;
        } catch (CatalogException | IOException e) {
            err.println("scizoo bench-scicat: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    /**
     * The sinks' writes without Kafka (which is the same for both): {@code n} new entries as SciCow's
     * MongoDB sink stores a poll's batch ({@code upsert} on the store) against the same number through SciCat's
     * API as its SciCat sink does (as staff, who may write any dataset). Their pids are new at every run.
     */
    private void sinks(PrintStream out, CatalogStore store, SciCatPeer scicat, int n) throws CatalogException {
        long base = 10_000_000L + (System.currentTimeMillis() / 1000 % 100_000) * 2L * n;
        List<CatalogEntry> direct = new ArrayList<>();
        List<CatalogEntry> through = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            direct.add(BenchEntries.entry((int) (base + i)));
            through.add(BenchEntries.entry((int) (base + n + i)));
        }
        long t0 = System.nanoTime();
        store.upsert(direct);
        double d = (System.nanoTime() - t0) / 1e9;
        double s;
        try (CatalogStore sink = open(scicat, SciCatPeer.STAFF)) {
            long t1 = System.nanoTime();
            sink.upsert(through);
            s = (System.nanoTime() - t1) / 1e9;
        }
        out.printf("%-38s store %,9.1f datasets/s   SciCat sink %,9.2f datasets/s   %.0fx slower (%d new datasets"
                + " each, with a datablock; Kafka not included)%n", "sinks' writes", n / d, n / s, s / d, n);
    }

    private interface Timed {
        /** @return seconds */
        double run() throws CatalogException;
    }

    private static void compare(PrintStream out, String what, int reps, Timed direct, Timed scicat, String user)
            throws CatalogException {
        direct.run(); // once to warm the JIT and the caches
        scicat.run();
        double[] d = new double[reps];
        double[] s = new double[reps];
        for (int r = 0; r < reps; r++) {
            d[r] = direct.run();
            s[r] = scicat.run();
        }
        Arrays.sort(d);
        Arrays.sort(s);
        out.printf("%-38s store %7.3f s (%.3f)   SciCat as %-7s %7.3f s (%.3f)   %.1fx the store's%n", what,
                d[reps / 2], d[reps - 1], user, s[reps / 2], s[reps - 1], s[reps / 2] / d[reps / 2]);
    }

    /** Seconds to the Scanlog's first batch of a selection (then the load is cancelled). */
    private static double firstPage(CatalogStore store, ScanSelection selection) throws CatalogException {
        AtomicLong first = new AtomicLong();
        long t0 = System.nanoTime();
        store.scanDatasets(selection, PAGE, batch -> first.compareAndSet(0, System.nanoTime() - t0),
                () -> first.get() != 0);
        if (first.get() == 0) {
            throw new CatalogException(store.describe() + " gave no datasets for " + selection);
        }
        return first.get() / 1e9;
    }

    /** Seconds from a login to the Scanlog's first batch through SciCat, as a workbench opening does. */
    private double firstPage(SciCatPeer scicat, String user, ScanSelection selection) throws CatalogException {
        long t0 = System.nanoTime();
        try (CatalogStore through = open(scicat, user)) {
            return (System.nanoTime() - t0) / 1e9 + firstPage(through, selection);
        }
    }

    private static double page(CatalogStore store, DatasetQuery q) throws CatalogException {
        long t0 = System.nanoTime();
        int n = store.findDatasets(q).size();
        if (n != q.limit()) {
            throw new CatalogException(store.describe() + ": expected a page of " + q.limit() + ", got " + n);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private double page(SciCatPeer scicat, String user, DatasetQuery q) throws CatalogException {
        try (CatalogStore through = open(scicat, user)) {
            return page(through, q);
        }
    }

    private CatalogStore open(SciCatPeer scicat, String user) throws CatalogException {
        return stores.open(new BackendSettings(Path.of("unused"), null, Duration.ofSeconds(30)).withSciCat(
                SciCatLogin.of(scicat.url(), user, SciCatPeer.password(user), null, false)));
    }
}
