package org.scizoo.scanlog.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.scizoo.core.model.Annotations;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.ScanSelection;

/**
 * A Scanlog without a display: it loads a selection from the store in the background, takes live scans and
 * annotations, and recomputes what is shown when the sort, filters or search change. One worker thread owns
 * the table (so no locks); a loader thread streams from the store and hands batches over. Each change ends in
 * a {@link Snapshot} to the listener, on the worker thread; during a load at most every
 * {@value #PUBLISH_EVERY_MS} ms, so a million rows arriving do not mean a million refreshes.
 */
public final class ScanlogSession implements AutoCloseable {

    static final long PUBLISH_EVERY_MS = 250;
    static final int LOAD_BATCH = 5_000;

    /** What the user asked to see: sort, column filters (column id to expression), free text, shown columns. */
    public record Spec(ScanView.Sort sort, Map<String, String> filters, String search, List<String> shown) {
        public Spec {
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            shown = shown == null ? List.of() : List.copyOf(shown);
        }

        public static Spec initial() {
            return new Spec(ScanView.Sort.NEWEST_FIRST, Map.of(), null, List.of());
        }
    }

    /**
     * What to show. {@code problems} are filters that could not be read (by column id), shown by them and
     * otherwise ignored; {@code error} is a load that failed.
     */
    public record Snapshot(ScanTable table, ScanView.Rows rows, boolean loading, Map<String, String> problems,
            String error, ScanSelection selection) {
    }

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("scanlog-worker").unstarted(r));
    private final Consumer<Snapshot> listener;
    private final Semaphore inFlight = new Semaphore(4);
    private ScanTable table = new ScanTable();
    private ScanView view = new ScanView(table);
    private Spec spec = Spec.initial();
    private ScanSelection selection = ScanSelection.all();
    private AtomicBoolean loadCancelled = new AtomicBoolean();
    private boolean loading;
    private String error;
    private long lastPublish;
    private boolean publishPending;

    public ScanlogSession(Consumer<Snapshot> listener) {
        this.listener = listener;
    }

    /** Shows another selection: the running load is stopped, the table emptied and refilled from the store. */
    public void open(CatalogStore store, ScanSelection newSelection) {
        submit(() -> {
            loadCancelled.set(true);
            AtomicBoolean cancelled = new AtomicBoolean();
            loadCancelled = cancelled;
            selection = newSelection;
            table = new ScanTable(LOAD_BATCH);
            view = new ScanView(table);
            loading = true;
            error = null;
            publish();
            ScanTable target = table;
            Thread.ofPlatform().daemon().name("scanlog-loader")
                    .start(() -> load(store, newSelection, target, cancelled));
        });
    }

    private void load(CatalogStore store, ScanSelection sel, ScanTable target, AtomicBoolean cancelled) {
        String failure = null;
        try {
            store.scanDatasets(sel, LOAD_BATCH, batch -> {
                // at most a few batches wait for the worker: the store may read faster than it adds
                if (!awaitRoom(cancelled)) {
                    return;
                }
                submit(() -> {
                    try {
                        if (table == target) {
                            target.addAll(batch);
                            publishSoon();
                        }
                    } finally {
                        inFlight.release();
                    }
                }, inFlight::release);
            }, cancelled::get);
            Map<String, Annotations> notes = store.annotations().current();
            submit(() -> {
                if (table == target) {
                    AnnotationColumns.applyAll(target, notes);
                }
            });
        } catch (CatalogException | RuntimeException e) {
            failure = e.getMessage();
        }
        String f = failure;
        submit(() -> {
            if (table == target) {
                target.prepareSorting();
                loading = false;
                error = f;
                publish();
            }
        });
    }

    /** Scans stored since the load (the live feed): those in the selection are added; the view keeps its sort. */
    public void live(List<Dataset> datasets) {
        List<Dataset> copy = new ArrayList<>(datasets);
        submit(() -> {
            boolean any = false;
            ScanSelection shown = selection;
            for (Dataset d : copy) {
                if (shown.contains(d)) {
                    table.add(d);
                    any = true;
                }
            }
            if (any) {
                publishSoon();
            }
        });
    }

    /** A dataset's annotations changed (here or elsewhere). */
    public void annotated(Annotations a) {
        submit(() -> {
            AnnotationColumns.apply(table, a);
            publish();
        });
    }

    public void setSpec(Spec newSpec) {
        submit(() -> {
            spec = newSpec;
            publish();
        });
    }

    /** Runs {@code task} on the worker, with the table as it is then (for an export of what is shown). */
    public void withTable(Consumer<ScanTable> task) {
        submit(() -> task.accept(table));
    }

    /** Waits for the worker to take a batch; false when the load was cancelled meanwhile (or the session closed). */
    private boolean awaitRoom(AtomicBoolean cancelled) {
        try {
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.get()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void submit(Runnable task) {
        submit(task, () -> {});
    }

    /** Runs the task on the worker; after {@link #close()} it is dropped ({@code ifDropped} runs instead). */
    private void submit(Runnable task, Runnable ifDropped) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException closed) {
            ifDropped.run();
        }
    }

    private void publishSoon() {
        long now = System.currentTimeMillis();
        if (now - lastPublish >= PUBLISH_EVERY_MS) {
            publish();
        } else if (!publishPending) {
            publishPending = true;
            worker.schedule(() -> {
                publishPending = false;
                publish();
            }, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void publish() {
        lastPublish = System.currentTimeMillis();
        Map<String, String> problems = new LinkedHashMap<>();
        List<ColumnFilter> filters = new ArrayList<>();
        spec.filters().forEach((id, expression) -> {
            ScanColumn c = table.column(id);
            if (c != null && expression != null && !expression.isBlank()) {
                try {
                    filters.add(ColumnFilter.parse(c, expression));
                } catch (IllegalArgumentException e) {
                    problems.put(id, e.getMessage());
                }
            }
        });
        ScanView.Sort sort = spec.sort();
        if (sort != null && sort.columnId() != null && table.column(sort.columnId()) == null) {
            sort = ScanView.Sort.NEWEST_FIRST; // a layout's column this data does not have (yet)
        }
        List<String> shown = spec.shown().isEmpty() ? ScanlogDefaults.columns(table) : spec.shown();
        ScanView.Rows rows = view.compute(sort, filters, spec.search(), shown);
        try {
            listener.accept(new Snapshot(table, rows, loading, problems, error, selection));
        } catch (RuntimeException e) {
            System.getLogger(ScanlogSession.class.getName()).log(System.Logger.Level.WARNING,
                    "A Scanlog listener failed", e);
        }
    }

    @Override
    public void close() {
        loadCancelled.set(true);
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
