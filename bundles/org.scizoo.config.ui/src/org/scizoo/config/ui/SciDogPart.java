package org.scizoo.config.ui;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.MDirtyable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.IEditableRule;
import org.eclipse.nebula.widgets.nattable.coordinate.PositionCoordinate;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.data.convert.DefaultBooleanDisplayConverter;
import org.eclipse.nebula.widgets.nattable.edit.EditConfigAttributes;
import org.eclipse.nebula.widgets.nattable.edit.editor.CheckBoxCellEditor;
import org.eclipse.nebula.widgets.nattable.edit.editor.ComboBoxCellEditor;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultGridLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.ColumnLabelAccumulator;
import org.eclipse.nebula.widgets.nattable.painter.cell.CheckBoxPainter;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.scizoo.config.core.ConfigEditorModel;
import org.scizoo.config.core.RowCheck;
import org.scizoo.config.core.RowValidator;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.DeviceDirectory;
import org.scizoo.core.ports.Devices;
import org.scizoo.ui.app.EditActions;
import org.scizoo.ui.app.TableKeys;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.ui.app.EclipseCollectionsInOsgi;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * SciDog: the table of what is recorded with every scan of a beamline (group, name, Tango device,
 * attribute, unit, when, enabled), edited in place, with undo/redo, the e4 dirty state and save (each save
 * a new version in the catalogue), a check of every row against its device with the live value, and the
 * device browser. Its commands, key bindings and toolbar are in fragment.e4xmi (Insert add, Delete remove,
 * Ctrl+D duplicate, Alt+Up / Alt+Down move, F5 check; Edit's Ctrl+Z / Ctrl+Y; File's Ctrl+S), bound in
 * {@link #CONTEXT}, which is active while the table has the keyboard, so a cell being edited keeps its keys.
 */
public class SciDogPart implements EditActions {

    /** The binding context of SciDog's table keys (fragment.e4xmi), active while the table has the keyboard. */
    public static final String CONTEXT = "org.scizoo.config.ui.context.table";

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final int CHECK_DELAY_MS = 800;
    private static final EntryColumn[] COLUMNS = EntryColumn.values();

    @Inject
    private CatalogService catalog;
    @Inject
    private UISynchronize sync;
    @Inject
    private MDirtyable dirty;
    @Inject
    private EContextService contexts;
    /** One reader and one directory over every installed one (Tango, the simulated beamline's devices). */
    private volatile DeviceReader reader;
    private volatile DeviceDirectory directory;

    private ConfigEditorModel model;
    private List<MetadataEntry> rows = List.of();
    private List<RowCheck> checks = List.of();
    private Text beamline;
    private NatTable table;
    private SelectionLayer selection;
    private Label status;
    private AutoCloseable statusSubscription;
    private boolean checkScheduled;
    /** The save under way, set and cleared on the display thread. */
    private Job saving;

    /** Followed as device adapters come and go (e4 injects the service lists again on every change). */
    @Inject
    void deviceReaders(@Service List<DeviceReader> readers) {
        reader = Devices.reader(readers).orElse(null);
    }

    @Inject
    void deviceDirectories(@Service List<DeviceDirectory> directories) {
        directory = Devices.directory(directories).orElse(null);
    }

    @PostConstruct
    void create(Composite parent) {
        EclipseCollectionsInOsgi.initialise();
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(3, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(top, SWT.NONE).setText("Beamline");
        beamline = new Text(top, SWT.BORDER);
        beamline.setText(System.getProperty("scizoo.beamline", "sim-saxs"));
        beamline.setLayoutData(new GridData(160, SWT.DEFAULT));
        Button load = new Button(top, SWT.PUSH);
        load.setText("Load");
        load.addListener(SWT.Selection, e -> load());
        beamline.addListener(SWT.DefaultSelection, e -> load());

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = table(sash);
        new DeviceBrowser(sash, () -> directory, this::addAttribute);
        sash.setWeights(3, 1);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Waiting for the catalogue…");

        statusSubscription = catalog.onStatus(this::catalogStatus);
        catalogStatus(catalog.status());
    }

    private NatTable table(Composite parent) {
        IDataProvider body = new IDataProvider() {
            @Override
            public Object getDataValue(int col, int row) {
                return COLUMNS[col].value(rows.get(row), row < checks.size() ? checks.get(row) : null);
            }

            @Override
            public void setDataValue(int col, int row, Object value) {
                if (model != null && COLUMNS[col].editable()) {
                    model.set(row, COLUMNS[col].edit(rows.get(row), value));
                }
            }

            @Override
            public int getColumnCount() {
                return COLUMNS.length;
            }

            @Override
            public int getRowCount() {
                return rows.size();
            }
        };
        DefaultGridLayer grid = new DefaultGridLayer(body, new DefaultColumnHeaderDataProvider(
                Arrays.stream(COLUMNS).map(EntryColumn::header).toArray(String[]::new)));
        DataLayer data = (DataLayer) grid.getBodyDataLayer();
        data.setConfigLabelAccumulator(new ColumnLabelAccumulator());
        for (EntryColumn c : COLUMNS) {
            data.setColumnWidthByPosition(c.ordinal(), c.width());
        }
        selection = grid.getBodyLayer().getSelectionLayer();
        NatTable t = new NatTable(parent, grid, false);
        t.addConfiguration(new DefaultNatTableStyleConfiguration());
        t.addConfiguration(new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry registry) {
                for (EntryColumn c : COLUMNS) {
                    if (c.editable()) {
                        registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITABLE_RULE,
                                IEditableRule.ALWAYS_EDITABLE, DisplayMode.EDIT, label(c));
                    }
                }
                registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR,
                        new ComboBoxCellEditor(List.of(EntryColumn.WHEN_CHOICES)), DisplayMode.EDIT,
                        label(EntryColumn.WHEN));
                registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR, new CheckBoxCellEditor(),
                        DisplayMode.EDIT, label(EntryColumn.ENABLED));
                registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, new CheckBoxPainter(),
                        DisplayMode.NORMAL, label(EntryColumn.ENABLED));
                registry.registerConfigAttribute(CellConfigAttributes.DISPLAY_CONVERTER,
                        new DefaultBooleanDisplayConverter(), DisplayMode.NORMAL, label(EntryColumn.ENABLED));
            }
        });
        t.configure();
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TableKeys.follow(t, contexts, CONTEXT); // Insert, Delete, Ctrl+Z, … while the table has the keyboard
        return t;
    }

    private static String label(EntryColumn c) {
        return ColumnLabelAccumulator.COLUMN_LABEL_PREFIX + c.ordinal();
    }

    private void catalogStatus(BackendStatus s) {
        if (s.state() == BackendStatus.State.UP) {
            sync.asyncExec(() -> {
                if (model == null && !status.isDisposed()) {
                    load();
                }
            });
        }
    }

    /** Reads the beamline's current configuration (in a job); unsaved edits are asked about first. */
    public void load() {
        if (model != null && model.isDirty() && !MessageDialog.openQuestion(table.getShell(), "SciDog",
                "Discard the unsaved changes to " + model.instrument() + "?")) {
            return;
        }
        String name = beamline.getText().strip();
        if (name.isEmpty()) {
            setStatus("Give the beamline's name");
            return;
        }
        Job loading = Job.create("Loading the SciDog configuration of " + name, (IProgressMonitor m) -> {
            try {
                Optional<MetadataConfig> current = catalog.store().configs().current(name);
                sync.asyncExec(() -> loaded(name, current.orElse(null)));
                return Status.OK_STATUS;
            } catch (CatalogException e) {
                sync.asyncExec(() -> setStatus("Could not load " + name + ": " + e.getMessage()));
                return new Status(IStatus.WARNING, "org.scizoo.config.ui", e.getMessage(), e);
            }
        });
        loading.setRule(new BeamlineRule(name)); // after a save under way, so it reads what was saved
        loading.schedule();
    }

    private void loaded(String name, MetadataConfig current) {
        if (table.isDisposed()) {
            return;
        }
        model = new ConfigEditorModel(name, current);
        model.onChange(this::modelChanged);
        checks = List.of();
        modelChanged();
    }

    private void modelChanged() {
        rows = model.entries();
        if (checks.size() != rows.size()) {
            checks = List.of();
        }
        dirty.setDirty(model.isDirty());
        table.refresh();
        updateStatus(null);
        scheduleCheck();
    }

    private void updateStatus(String note) {
        int problems = model.problems().size();
        long failing = checks.stream().filter(c -> !c.ok()).count();
        setStatus(model.instrument()
                + (model.savedVersion() == 0 ? " (not saved yet)" : " version " + model.savedVersion())
                + (model.isDirty() ? ", changed" : "") + " · " + rows.size() + " entries"
                + (problems > 0 ? " · " + problems + " rows to fix before saving" : "")
                + (failing > 0 ? " · " + failing + " rows fail on their device" : "")
                + (note == null ? "" : " · " + note));
    }

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
        }
    }

    /** Checks the rows against their devices shortly after the last edit, not after every keystroke. */
    private void scheduleCheck() {
        if (checkScheduled || reader == null) {
            return;
        }
        checkScheduled = true;
        table.getDisplay().timerExec(CHECK_DELAY_MS, () -> {
            checkScheduled = false;
            checkNow();
        });
    }

    public void checkNow() {
        if (model == null || reader == null || table.isDisposed()) {
            return;
        }
        List<MetadataEntry> snapshot = rows;
        Job.create("Checking SciDog rows against their devices", (IProgressMonitor m) -> {
            List<RowCheck> result = new RowValidator(reader, CHECK_TIMEOUT).check(snapshot);
            sync.asyncExec(() -> {
                if (!table.isDisposed() && rows.equals(snapshot)) {
                    checks = result;
                    table.refresh();
                    updateStatus("checked");
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    public void addRow() {
        ifLoaded(m -> {
            int[] sel = selectedRows();
            int at = m.add(sel.length == 0 ? -1 : sel[sel.length - 1],
                    new MetadataEntry(null, "new entry", "", "", null, When.END, true));
            select(new int[] { at });
        });
    }

    private void addAttribute(String device, String attribute) {
        ifLoaded(m -> {
            int[] sel = selectedRows();
            select(new int[] { m.add(sel.length == 0 ? -1 : sel[sel.length - 1],
                    new MetadataEntry(null, attribute, device, attribute, null, When.END, true)) });
        });
    }

    public void removeRows() {
        ifLoaded(m -> m.remove(selectedRows()));
    }

    public void duplicateRows() {
        ifLoaded(m -> m.duplicate(selectedRows()));
    }

    public void moveRows(int delta) {
        ifLoaded(m -> select(m.move(delta, selectedRows())));
    }

    /**
     * Saves the configuration as the beamline's next version (also e4's Save, Ctrl+S), in a job: a store that
     * is slow to answer never holds the display. One save of a beamline at a time; closing the part waits
     * for one under way.
     */
    @Persist
    public void save() {
        if (model == null || !model.isDirty() || saving != null) {
            return;
        }
        ConfigEditorModel m = model;
        List<MetadataEntry> entries;
        try {
            entries = m.entriesToSave();
        } catch (CatalogException e) {
            MessageDialog.openError(table.getShell(), "SciDog: not saved", e.getMessage());
            return;
        }
        String author = System.getProperty("user.name", "unknown");
        updateStatus("saving…");
        saving = Job.create("Saving the SciDog configuration of " + m.instrument(), (IProgressMonitor monitor) -> {
            try {
                MetadataConfig v = catalog.store().configs().save(m.instrument(), entries, author);
                sync.asyncExec(() -> {
                    saving = null;
                    m.saved(v);
                    updateStatus("saved as version " + v.version());
                });
                return Status.OK_STATUS;
            } catch (CatalogException | RuntimeException e) {
                sync.asyncExec(() -> {
                    saving = null;
                    updateStatus("not saved");
                    if (!table.isDisposed()) {
                        MessageDialog.openError(table.getShell(), "SciDog: not saved", e.getMessage());
                    }
                });
                return new Status(IStatus.WARNING, "org.scizoo.config.ui", e.getMessage(), e);
            }
        });
        saving.setRule(new BeamlineRule(m.instrument()));
        saving.schedule();
    }

    /** Whether a save is under way (its job not yet reported back). */
    public boolean saving() {
        return saving != null;
    }

    /** The rows' checks against their devices, in row order (empty until the first check came back). */
    public List<RowCheck> checks() {
        return checks;
    }

    @Override
    public boolean canUndo() {
        return model != null && model.canUndo();
    }

    @Override
    public void undo() {
        ifLoaded(ConfigEditorModel::undo);
    }

    @Override
    public boolean canRedo() {
        return model != null && model.canRedo();
    }

    @Override
    public void redo() {
        ifLoaded(ConfigEditorModel::redo);
    }

    /** For tests and the part's own actions: the model, once loaded. */
    public ConfigEditorModel model() {
        return model;
    }

    private void ifLoaded(java.util.function.Consumer<ConfigEditorModel> action) {
        if (model != null) {
            action.accept(model);
        }
    }

    private int[] selectedRows() {
        return Arrays.stream(selection.getSelectedCellPositions()).mapToInt(PositionCoordinate::getRowPosition)
                .distinct().sorted().toArray();
    }

    private void select(int[] rowsToSelect) {
        selection.clear();
        for (int r : rowsToSelect) {
            selection.selectRow(0, r, false, true);
        }
    }

    @PreDestroy
    void dispose() throws Exception {
        Job pending = saving;
        if (pending != null) {
            pending.join(10_000, null); // a save asked for is not dropped by closing the part
        }
        if (statusSubscription != null) {
            statusSubscription.close();
        }
    }
}
