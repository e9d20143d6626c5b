package org.scizoo.scanlog.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.ScanSelection;
import org.scizoo.scanlog.core.AnnotationField;
import org.scizoo.scanlog.core.ScanlogDefaults;
import org.scizoo.scanlog.core.ScanlogSession;
import org.scizoo.scanlog.core.ScanlogSession.Snapshot;
import org.scizoo.ui.app.EclipseCollectionsInOsgi;
import org.scizoo.ui.app.EditActions;
import org.scizoo.ui.app.TableKeys;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Scanlog: a proposal's scans over a time window, kept live, in a NatTable users sort, filter, annotate
 * and export. The work (loading a million scans, sorting, filtering) is a {@link ScanlogSession}'s on its
 * worker thread; this part shows its snapshots, at most one refresh per {@value #REFRESH_MS} ms, and turns
 * edits into annotations saved in jobs. Its commands, keys and toolbar are in fragment.e4xmi, bound in
 * {@link #CONTEXT} while the table has the keyboard: Edit's Undo (Ctrl+Z: the last annotation change) and
 * Copy (Ctrl+C, and Ctrl+Shift+C: the selected scans' pids).
 */
public class ScanlogPart implements EditActions {

    /** The binding context of the Scanlog table's keys (fragment.e4xmi), active while the table has the keyboard. */
    public static final String CONTEXT = "org.scizoo.scanlog.ui.context.table";

    static final int REFRESH_MS = 100;

    @Inject
    private CatalogService catalog;
    @Inject
    private UISynchronize sync;
    @Inject
    private IWorkbench workbench;
    @Inject
    private EContextService contexts;

    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    /** A pid {@link #reveal} did not find, tried again as new snapshots come until {@link #revealUntil}. */
    private String revealing;
    private long revealUntil;
    private static final long REVEAL_WAIT_NS = 5_000_000_000L;
    private final Deque<ScanlogActions.Change> undo = new ArrayDeque<>();
    private ScanlogSession session;
    private ScanlogTable table;
    private ScanlogToolbar toolbar;
    private ScanlogActions actions;
    private Thumbnails thumbnails;
    private Label summary;
    private StartupProbe probe;
    private List<String> shown = List.of();
    private boolean upNow;
    private ScanSelection selection = ScanSelection.all();

    /** The HDF5 inspector's open command and its file parameter (org.scizoo.hdf5.ui's fragment.e4xmi). */
    private static final String OPEN_HDF5 = "org.scizoo.hdf5.ui.command.open";
    private static final String OPEN_HDF5_FILE = "org.scizoo.hdf5.ui.command.open.file";

    @Inject
    private org.eclipse.e4.core.commands.ECommandService commands;
    @Inject
    private org.eclipse.e4.core.commands.EHandlerService handlers;

    /** True when an HDF5 inspector is installed (its command is defined). */
    boolean canOpenDataFiles() {
        return commands.getCommand(OPEN_HDF5) != null && commands.getCommand(OPEN_HDF5).isDefined();
    }

    void openDataFile(String path) {
        handlers.executeHandler(commands.createCommand(OPEN_HDF5, java.util.Map.of(OPEN_HDF5_FILE, path)));
    }

    /** The Catalogue's command that shows a dataset's page (org.scizoo.catalogue.ui's fragment.e4xmi). */
    private static final String SHOW_IN_CATALOGUE = "org.scizoo.catalogue.ui.command.show";
    private static final String SHOW_IN_CATALOGUE_PID = "org.scizoo.catalogue.ui.command.show.pid";

    boolean canShowInCatalogue() {
        return commands.getCommand(SHOW_IN_CATALOGUE) != null && commands.getCommand(SHOW_IN_CATALOGUE).isDefined();
    }

    void showInCatalogue(String pid) {
        handlers.executeHandler(commands.createCommand(SHOW_IN_CATALOGUE, java.util.Map.of(SHOW_IN_CATALOGUE_PID,
                pid)));
    }

    /**
     * Selects the scan of that pid and scrolls to it (the Catalogue's *Show in Scanlog*); a scan the Scanlog's
     * proposal, time window or filters leave out is said on its summary line. One stored a moment ago and not in
     * the table yet is selected when it comes, within 5 s.
     */
    public boolean reveal(String pid) {
        revealing = null;
        if (table != null && table.reveal(pid)) {
            return true;
        }
        // a scan stored a moment ago may reach the table at its next refreshes: selected then
        revealing = pid;
        revealUntil = System.nanoTime() + REVEAL_WAIT_NS;
        setSummary(pid + " is not among the scans shown: choose all proposals, clear From/till and the filters");
        return false;
    }

    /** The selected scans' pids, in the order shown. */
    public List<String> selectedPids() {
        Snapshot s = table == null ? null : table.snapshot();
        return s == null ? List.of() : table.selectedRows().stream().map(r -> s.table().pid(r)).toList();
    }

    @PostConstruct
    void create(Composite parent) {
        EclipseCollectionsInOsgi.initialise();
        parent.setLayout(new GridLayout(1, false));
        session = new ScanlogSession(latest::set);
        actions = new ScanlogActions(this);
        toolbar = new ScanlogToolbar(parent, this);
        summary = new Label(parent, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setText("Waiting for the catalogue…");
        thumbnails = new Thumbnails(this);
        table = new ScanlogTable(parent, sort -> pushSpec(), filters -> pushSpec(), this::edited, thumbnails.painter());
        NatTable nat = table.nat();
        nat.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        probe = new StartupProbe(() -> workbench.close());
        nat.addPaintListener(e -> probe.painted(rowCount() > 0));
        nat.setMenu(actions.contextMenu(nat));
        TableKeys.follow(nat, contexts, CONTEXT);
        nat.addListener(SWT.MouseDoubleClick, actions::doubleClicked);
        dropImages(nat);

        subscriptions.add(catalog.onDatasets(session::live));
        subscriptions.add(catalog.onStatus(this::statusChanged));
        statusChanged(catalog.status());
        scheduleRefresh();
    }

    /** Each time the catalogue comes up (at start, and after the Backend dialog reconnects) the table is read anew. */
    private void statusChanged(BackendStatus s) {
        sync.asyncExec(() -> {
            if (summary.isDisposed()) {
                return;
            }
            // a store that hiccups (DEGRADED) is the same store: only a new one is read anew
            boolean up = s.state() == BackendStatus.State.UP || s.state() == BackendStatus.State.DEGRADED;
            if (up && !upNow) {
                open(selection);
                toolbar.loadProposals();
                toolbar.loadLayouts();
            } else if (s.state() == BackendStatus.State.FAILED) {
                setSummary("No catalogue: " + s.detail());
            }
            upNow = up;
        });
    }

    /** Shows another proposal or time window. */
    void open(ScanSelection newSelection) {
        try {
            selection = newSelection;
            session.open(catalog.store(), newSelection);
        } catch (CatalogException e) {
            setSummary("Could not read the catalogue: " + e.getMessage());
        }
    }

    /** Shows the newest snapshot, if a new one came, then re-arms itself while the part lives. */
    private void scheduleRefresh() {
        table.nat().getDisplay().timerExec(REFRESH_MS, () -> {
            if (table.nat().isDisposed()) {
                return;
            }
            Snapshot s = latest.getAndSet(null);
            if (s != null) {
                List<String> columns = shown.isEmpty() ? ScanlogDefaults.columns(s.table()) : shown;
                table.show(s, columns);
                setSummary(summaryOf(s));
                toolbar.showProblems(s.problems());
                if (revealing != null && (table.reveal(revealing) || System.nanoTime() > revealUntil)) {
                    revealing = null;
                }
            }
            scheduleRefresh();
        });
    }

    static String summaryOf(Snapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%,d", s.rows().size()));
        if (s.rows().size() != s.rows().held()) {
            b.append(String.format(" of %,d", s.rows().held()));
        }
        b.append(" scans");
        b.append(s.selection().proposalId() == null ? ", all proposals" : " of proposal " + s.selection().proposalId());
        if (s.loading()) {
            b.append(" — loading…");
        }
        if (s.error() != null) {
            b.append(" — could not load them all: ").append(s.error());
        }
        return b.toString();
    }

    /** Tells the session what the user now wants to see. */
    void pushSpec() {
        session.setSpec(new ScanlogSession.Spec(table.sort(), table.filters(), toolbar.search(), shownColumns()));
    }

    List<String> shownColumns() {
        Snapshot s = table.snapshot();
        return !shown.isEmpty() || s == null ? shown : ScanlogDefaults.columns(s.table());
    }

    void setShownColumns(List<String> columns) {
        shown = List.copyOf(columns);
        pushSpec();
    }

    private void edited(int row, AnnotationField field, String value) {
        Snapshot s = table.snapshot();
        String pid = s.table().pid(row);
        String before = CellText.stored(field, CellText.of(s.table().column(field.id()), row));
        if (!before.equals(value)) {
            undo.push(new ScanlogActions.Change(pid, field, before));
            saveAnnotation(pid, field, value);
        }
    }

    /** Saves one annotation change in a job; the row shows it when the store has it. */
    void saveAnnotation(String pid, AnnotationField field, String value) {
        Job job = Job.create("Saving the " + field.header().toLowerCase() + " of " + pid, monitor -> {
            try {
                CatalogStore store = catalog.store();
                store.annotations().add(pid, CellText.kind(field), value, author());
                session.annotated(Annotations.of(pid, store.annotations().history(pid)));
                return Status.OK_STATUS;
            } catch (CatalogException e) {
                sync.asyncExec(() -> error("Could not save the " + field.header().toLowerCase(), e.getMessage()));
                return new Status(IStatus.WARNING, "org.scizoo.scanlog.ui", e.getMessage(), e);
            }
        });
        job.schedule();
    }

    @Override
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    @Override
    public void undo() {
        undoLast();
    }

    @Override
    public boolean canCopy() {
        return table != null && !table.selectedRows().isEmpty();
    }

    /** The selected scans' pids, a line each. */
    @Override
    public void copy() {
        actions.copyPids();
    }

    /** Ctrl+Z: puts back the value before the last change. */
    void undoLast() {
        ScanlogActions.Change c = undo.poll();
        if (c == null) {
            setSummary("Nothing to undo");
            return;
        }
        saveAnnotation(c.pid(), c.field(), c.previous());
    }

    static String author() {
        return System.getProperty("user.name", "unknown");
    }

    private void dropImages(NatTable nat) {
        DropTarget target = new DropTarget(nat, DND.DROP_COPY | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                e.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent e) {
                var p = nat.toControl(e.x, e.y);
                int row = table.rowAt(p.x, p.y);
                if (row < 0 || !(e.data instanceof String[] files)) {
                    setSummary("Drop images on a scan's row to attach them");
                    return;
                }
                attachImages(table.snapshot().table().pid(row), List.of(files));
            }
        });
    }

    /** Attaches image files to a scan, as dropping them on its row does (PNG, JPEG, TIFF; others are refused). */
    public void attachImages(String pid, List<String> files) {
        actions.attachImages(pid, files);
    }

    void setSummary(String text) {
        if (!summary.isDisposed()) {
            summary.setText(text);
        }
    }

    void error(String title, String message) {
        if (table.nat().isDisposed()) {
            return;
        }
        org.eclipse.jface.dialogs.MessageDialog.openError(table.nat().getShell(), "SciZoo: " + title, message);
    }

    void actionsExportCsv() {
        actions.exportCsv();
    }

    void actionsElogy() {
        actions.sendToElogy();
    }

    void setShownColumnsFromDialog() {
        Snapshot s = table.snapshot();
        if (s == null) {
            return;
        }
        List<String> chosen = new ColumnsDialog(table.nat().getShell(), s.table(), shownColumns()).choose();
        if (chosen != null) {
            setShownColumns(chosen);
        }
    }

    CatalogService catalog() {
        return catalog;
    }

    UISynchronize sync() {
        return sync;
    }

    ScanlogSession session() {
        return session;
    }

    ScanlogTable scanTable() {
        return table;
    }

    ScanlogToolbar toolbar() {
        return toolbar;
    }

    /** For tests: the rows shown. Display thread only. */
    public int rowCount() {
        Snapshot s = table.snapshot();
        return s == null ? 0 : s.rows().size();
    }

    /** For tests: a shown cell's text, by column id. Display thread only. */
    public String cell(int index, String columnId) {
        Snapshot s = table.snapshot();
        var c = s == null ? null : s.table().column(columnId);
        return c == null || index >= s.rows().size() ? "" : CellText.of(c, s.rows().row(index));
    }

    public NatTable table() {
        return table.nat();
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
        session.close();
        thumbnails.dispose();
    }

    Thumbnails thumbnails() {
        return thumbnails;
    }
}
