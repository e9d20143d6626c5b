package org.scizoo.scanlog.ui;

import org.scizoo.ui.app.EclipseCollectionsInOsgi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.data.ListDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultGridLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.DatasetQuery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Scanlog: scans newest first in a NatTable, kept live. Datasets arriving from the catalogue session
 * are queued and merged into the table at most every {@value #REFRESH_MS} ms in one refresh, never one
 * redraw per event. The first page is read from the store in a job once the catalogue is up.
 */
public class ScanlogPart {

    static final int REFRESH_MS = 100;
    /** Rows read when the part opens; paging through a million scans is the full Scanlog's job. */
    static final int FIRST_PAGE = 5000;

    private final ScanlogRows rows = new ScanlogRows();
    private final ConcurrentLinkedQueue<Dataset> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean firstPageRequested = new AtomicBoolean();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    @Inject
    private CatalogService catalog;
    @Inject
    private UISynchronize sync;
    @Inject
    private IWorkbench workbench;

    private NatTable table;
    private Label summary;
    private StartupProbe probe;

    @PostConstruct
    void create(Composite parent) {
        EclipseCollectionsInOsgi.initialise();
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setText("Waiting for the catalogue…");

        List<ScanlogColumn> columns = ScanlogColumn.DEFAULTS;
        IDataProvider body = new ListDataProvider<>(rows.list(), new IColumnAccessor<Dataset>() {
            @Override
            public Object getDataValue(Dataset row, int column) {
                return columns.get(column).text().apply(row);
            }

            @Override
            public void setDataValue(Dataset row, int column, Object value) {
                // raw metadata is read-only once ingested
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }
        });
        IDataProvider header = new DefaultColumnHeaderDataProvider(
                columns.stream().map(ScanlogColumn::header).toArray(String[]::new));
        DefaultGridLayer grid = new DefaultGridLayer(body, header);
        DataLayer bodyData = (DataLayer) grid.getBodyDataLayer();
        for (int i = 0; i < columns.size(); i++) {
            bodyData.setColumnWidthByPosition(i, columns.get(i).width());
        }
        table = new NatTable(parent, grid);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        probe = new StartupProbe(() -> workbench.close());
        table.addPaintListener(e -> probe.painted(firstPageRequested.get() && rows.size() > 0));

        subscriptions.add(catalog.onDatasets(incoming::addAll));
        subscriptions.add(catalog.onStatus(this::statusChanged));
        statusChanged(catalog.status());
        scheduleDrain(table.getDisplay());
    }

    private void statusChanged(BackendStatus s) {
        if (s.state() == BackendStatus.State.UP && firstPageRequested.compareAndSet(false, true)) {
            loadFirstPage();
        } else if (s.state() == BackendStatus.State.FAILED) {
            sync.asyncExec(() -> setSummary("No catalogue: " + s.detail()));
        }
    }

    private void loadFirstPage() {
        Job job = Job.create("Loading the Scanlog", (IProgressMonitor monitor) -> {
            try {
                incoming.addAll(catalog.store().findDatasets(DatasetQuery.newest(FIRST_PAGE)));
                return Status.OK_STATUS;
            } catch (CatalogException e) {
                sync.asyncExec(() -> setSummary("Could not read the catalogue: " + e.getMessage()));
                return new Status(IStatus.WARNING, "org.scizoo.scanlog.ui", e.getMessage(), e);
            }
        });
        job.schedule();
    }

    /** Merges what arrived since the last tick in one refresh; re-arms itself while the table lives. */
    private void scheduleDrain(Display display) {
        display.timerExec(REFRESH_MS, () -> {
            if (table.isDisposed()) {
                return;
            }
            List<Dataset> batch = new ArrayList<>();
            for (Dataset d; (d = incoming.poll()) != null;) {
                batch.add(d);
            }
            if (!batch.isEmpty()) {
                rows.merge(batch);
                setSummary(rows.size() + " scans, newest first");
                table.refresh();
            }
            scheduleDrain(display);
        });
    }

    private void setSummary(String text) {
        if (!summary.isDisposed()) {
            summary.setText(text);
        }
    }

    /** For tests: the rows the table shows. Display thread only. */
    public List<Dataset> rows() {
        return rows.list();
    }

    public NatTable table() {
        return table;
    }

    @PreDestroy
    void dispose() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        }
    }
}
