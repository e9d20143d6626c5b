package org.scizoo.hdf5.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.scizoo.hdf5.Attributes;
import org.scizoo.hdf5.DatasetFacts;
import org.scizoo.hdf5.H5Kind;
import org.scizoo.hdf5.H5Node;
import org.scizoo.hdf5.Hdf5Exception;
import org.scizoo.hdf5.NexusDefault;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * One HDF5/NeXus file: its tree (read lazily), the selected object's attributes and facts, and a dataset's
 * plot and values. Every read runs on the file's own reader thread; a read stuck for 30 s is given up.
 */
public class Hdf5InspectorPart {

    private static final long GIVE_UP_NANOS = 30_000_000_000L;
    private static final int FIND_LIMIT = 500;

    @Inject
    private MApplication app;

    private InspectorReader reader;
    private NodeTree tree;
    private DetailsView details;
    private DataView data;
    private Label status;
    private Label fileLabel;
    private Button autoRefresh;
    private Text find;
    private List<String> found = List.of();
    private int foundAt = -1;
    private String pendingPlotPath;
    private List<String> pendingAxes;
    /** The default plot's signal and axes, to plot it the same way after a reload. */
    private String plottedPath;
    /** The status line of the default plot being revealed, kept when its selection shows it. */
    private String defaultPlotStatus;
    private List<String> plottedAxes;
    private String lastProblem;
    private boolean disposed;

    @PostConstruct
    public void create(Composite parent, MPart part) {
        Path file = Path.of(part.getPersistedState().getOrDefault(Hdf5Editors.FILE_KEY, ""));
        reader = new InspectorReader(file, parent.getDisplay());
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(6, false));
        fileLabel = new Label(bar, SWT.NONE);
        fileLabel.setText(file.toString());
        fileLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(bar, "Default plot", "The NeXus default plot (@default → NXentry → NXdata @signal)", this::defaultPlot);
        button(bar, "Reload", "Read the file again (F5): a growing file shows what was added", this::reload);
        autoRefresh = new Button(bar, SWT.CHECK);
        autoRefresh.setText("Auto-refresh");
        autoRefresh.setToolTipText("Reload whenever the file changes on disk (a growing SWMR file)");
        find = new Text(bar, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        find.setMessage("Find by name (Ctrl+F)");
        find.setLayoutData(new GridData(200, SWT.DEFAULT));
        find.addListener(SWT.DefaultSelection, e -> findNext());
        find.addListener(SWT.Modify, e -> found = List.of());
        SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
        sides.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree = new NodeTree(sides, reader, this::problem);
        SashForm right = new SashForm(sides, SWT.VERTICAL);
        CTabFolder detailTabs = new CTabFolder(right, SWT.BORDER);
        Composite attributesHolder = new Composite(detailTabs, SWT.NONE);
        attributesHolder.setLayout(new FillLayout());
        Composite factsHolder = new Composite(detailTabs, SWT.NONE);
        factsHolder.setLayout(new FillLayout());
        details = new DetailsView(attributesHolder, factsHolder);
        tab(detailTabs, "Attributes", attributesHolder);
        tab(detailTabs, "Object", factsHolder);
        detailTabs.setSelection(0);
        data = new DataView(right, reader, this::problem);
        right.setWeights(1, 2);
        sides.setWeights(1, 2);
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tree.viewer().addSelectionChangedListener(e -> showSelected());
        for (org.eclipse.swt.widgets.Control c : new org.eclipse.swt.widgets.Control[] { tree.viewer().getControl(),
                find, details.attributesTable() }) {
            c.addListener(SWT.KeyDown, this::key);
        }
        FileDrop.onto(tree.viewer().getControl(), files -> files.forEach(f -> Hdf5Editors.open(f, app)));
        tick();
        openFile();
    }

    private static void tab(CTabFolder folder, String text, Composite control) {
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(text);
        item.setControl(control);
    }

    private static void button(Composite bar, String text, String tip, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void key(Event e) {
        if (e.keyCode == SWT.F5) {
            reload();
            e.doit = false;
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'f' || e.keyCode == 'F')) {
            find.setFocus();
            find.selectAll();
            e.doit = false;
        }
    }

    private void openFile() {
        setStatus("opening " + reader.path().getFileName() + "…", false);
        List<String> expanded = tree.expandedPaths();
        Entry selectedBefore = tree.selected();
        reader.read("the root of " + reader.path().getFileName(), file -> {
            Map<String, List<Entry>> read = new LinkedHashMap<>();
            read.put("/", Entry.children(file.root()));
            for (String path : expanded) { // after a reload: what was open stays open
                try {
                    read.put(path, Entry.children(file.node(path)));
                } catch (Hdf5Exception e) {
                    // gone from the file, or unreadable now: left closed
                }
            }
            return new Opened(read, file.openForWriting());
        }, opened -> {
            tree.show(opened.members().get("/"));
            tree.addChildren(opened.members());
            for (String path : opened.members().keySet()) {
                if (!path.equals("/")) {
                    tree.reveal(path, false);
                }
            }
            if (selectedBefore != null) { // a reload shows the same object again, with what was added to it
                if (selectedBefore.path().equals(plottedPath)) {
                    pendingPlotPath = plottedPath;
                    pendingAxes = plottedAxes;
                }
                tree.reveal(selectedBefore.path());
            }
            fileLabel.setText(reader.path()
                    + (opened.writing() ? "  (open for writing: it may grow; Reload or Auto-refresh)" : ""));
            int n = opened.members().get("/").size();
            setStatus(n + (n == 1 ? " object" : " objects") + " at the root", false);
        }, message -> {
            tree.show(List.of());
            data.clear(message);
            problem(message);
        });
    }

    private record Opened(Map<String, List<Entry>> members, boolean writing) {
    }

    /** What the details need of a selected object, read together. */
    private record Selected(Entry entry, List<Attributes.Row> attributes, String attributesError, DatasetFacts facts) {
    }

    private void showSelected() {
        Entry entry = tree.selected();
        if (entry == null) {
            return;
        }
        List<String> axes = entry.path().equals(pendingPlotPath) ? pendingAxes : null;
        // the default plot's own line (which NXdata, and how it was found) stays while it is what is shown
        String status = axes != null && defaultPlotStatus != null ? defaultPlotStatus : entry.path();
        pendingPlotPath = null;
        defaultPlotStatus = null;
        reader.read("the details of " + entry.path(), file -> {
            H5Node node = file.node(entry.path());
            if (node.isBrokenLink()) {
                return new Selected(entry, List.of(), null, null);
            }
            List<Attributes.Row> attributes = List.of();
            String error = null;
            try {
                attributes = Attributes.of(node);
            } catch (Hdf5Exception e) {
                error = e.getMessage();
            }
            DatasetFacts facts = node.resolved().kind() == H5Kind.DATASET ? DatasetFacts.of(node) : null;
            return new Selected(entry, attributes, error, facts);
        }, selected -> {
            if (selected.attributesError() != null) {
                details.showAttributesError(selected.attributesError());
            } else {
                details.showAttributes(selected.attributes());
            }
            String header = entry.path() + "  " + entry.detail()
                    + (entry.nxClass() != null ? "  " + entry.nxClass() : "");
            details.showFacts(header, selected.facts());
            if (selected.facts() != null) {
                data.show(selected.facts(), axes);
                if (axes != null) {
                    data.showPlotTab();
                }
            } else {
                data.clear(entry.broken() ? entry.path() + " is a broken link to " + entry.linkTarget()
                        : "Select a dataset to see its values");
            }
            setStatus(status, false);
        }, this::problem);
    }

    /** The NeXus default plot: found, revealed in the tree, selected and plotted against its axes. */
    public void defaultPlot() {
        reader.read("the default plot", file -> {
            NexusDefault.Plot plot = NexusDefault.find(file);
            return new Found(plot, ancestorsOf(file, plot.signal()));
        }, found -> {
            NexusDefault.Plot plot = found.plot();
            String status = "default plot: " + plot.title() + " (" + plot.nxdata()
                    + (plot.byDefault() ? ")" : ": " + plot.choice() + ")");
            pendingPlotPath = plot.signal();
            pendingAxes = plot.axes();
            plottedPath = pendingPlotPath;
            plottedAxes = pendingAxes;
            defaultPlotStatus = status; // before the reveal, whose selection may show it at once
            tree.addChildren(found.members());
            tree.reveal(plot.signal());
            setStatus(status, false);
        }, this::problem);
    }

    private record Found(NexusDefault.Plot plot, Map<String, List<Entry>> members) {
    }

    /** The members of every group from the root down to {@code path}'s parent: what revealing it needs. */
    private static Map<String, List<Entry>> ancestorsOf(org.scizoo.hdf5.H5File file, String path) throws Hdf5Exception {
        Map<String, List<Entry>> members = new LinkedHashMap<>();
        members.put("/", Entry.children(file.root()));
        String at = "";
        String[] names = path.substring(1).split("/");
        for (int i = 0; i < names.length - 1; i++) {
            at = at + "/" + names[i];
            members.put(at, Entry.children(file.node(at)));
        }
        return members;
    }

    /** Enter in the find box: the next object whose name contains the text (the whole file is searched once). */
    private void findNext() {
        String text = find.getText().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return;
        }
        if (!found.isEmpty()) {
            foundAt = (foundAt + 1) % found.size();
            revealFound();
            return;
        }
        setStatus("searching for \"" + text + "\"…", false);
        reader.read("the search for " + text, file -> search(file, text), result -> {
            found = result.paths();
            foundAt = 0;
            tree.addChildren(result.members());
            if (found.isEmpty()) {
                setStatus("no object named like \"" + text + "\"", true);
            } else {
                revealFound();
            }
        }, this::problem);
    }

    private void revealFound() {
        tree.reveal(found.get(foundAt));
        setStatus((foundAt + 1) + " of " + found.size() + (found.size() == FIND_LIMIT ? "+" : "") + ": "
                + found.get(foundAt) + "  (Enter: next)", false);
    }

    private record Search(List<String> paths, Map<String, List<Entry>> members) {
    }

    private static Search search(org.scizoo.hdf5.H5File file, String text) throws Hdf5Exception {
        List<String> paths = new ArrayList<>();
        Map<String, List<Entry>> members = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>(List.of("/"));
        while (!groups.isEmpty() && paths.size() < FIND_LIMIT) {
            String group = groups.removeFirst();
            List<Entry> children = Entry.children(group.equals("/") ? file.root() : file.node(group));
            members.put(group, children);
            for (Entry e : children) {
                if (e.name().toLowerCase(Locale.ROOT).contains(text) && paths.size() < FIND_LIMIT) {
                    paths.add(e.path());
                }
                if (e.kind() == H5Kind.GROUP) {
                    groups.add(e.path());
                }
            }
        }
        return new Search(paths, members);
    }

    public void reload() {
        reader.reload();
        openFile();
    }

    /** Twice a second: how long the current read takes (given up after 30 s), and auto-refresh. */
    private void tick() {
        if (disposed || status.isDisposed()) {
            return;
        }
        InspectorReader.Busy busy = reader.busy();
        if (busy != null) {
            long nanos = System.nanoTime() - busy.sinceNanos();
            if (nanos > GIVE_UP_NANOS) {
                reader.abandon();
                problem("gave up reading " + busy.what() + " after 30 s: the file may be corrupt");
            } else if (nanos > 1_000_000_000L) {
                setStatus("reading " + busy.what() + "… " + nanos / 1_000_000_000L + " s", false);
            }
        } else if (autoRefresh.getSelection() && reader.changedOnDisk()) {
            reload();
        }
        status.getDisplay().timerExec(500, this::tick);
    }

    private void problem(String message) {
        lastProblem = message;
        setStatus(message, true);
    }

    private void setStatus(String text, boolean error) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(text);
        status.setForeground(error ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        status.getParent().layout(new org.eclipse.swt.widgets.Control[] { status });
    }

    // for tests and the workbench's own checks

    public TreeViewer treeViewer() {
        return tree.viewer();
    }

    /** As typing {@code text} in the find box and pressing Enter. */
    public void find(String text) {
        if (!find.getText().equals(text)) {
            find.setText(text);
        }
        findNext();
    }

    /** As ticking (or clearing) Auto-refresh. */
    public void setAutoRefresh(boolean on) {
        autoRefresh.setSelection(on);
    }

    /** The names shown at the tree's root. */
    public List<String> rootNames() {
        return tree.rootEntries().stream().map(Entry::name).toList();
    }

    public String statusText() {
        return status.getText();
    }

    /** The last error shown, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    public boolean plotShowsImage() {
        return data.plot().showsImage();
    }

    /** The path of the dataset whose values are shown, or null. */
    public String shownDataset() {
        return data.shown() == null ? null : data.shown().path();
    }

    /** The plot's title: the dataset and where the slice shown lies in it. */
    public String plotTitle() {
        return data.plot().title();
    }

    public org.scizoo.hdf5.Slice shownSlice() {
        return data.shown() == null ? null : data.shown().slice();
    }

    public int attributeRows() {
        return details.attributesTable().getItemCount();
    }

    public Path file() {
        return reader.path();
    }

    @PreDestroy
    public void dispose() {
        disposed = true;
        reader.dispose();
    }
}
