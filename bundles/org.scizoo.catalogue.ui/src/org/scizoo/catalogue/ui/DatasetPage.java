package org.scizoo.catalogue.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.scizoo.core.model.Annotation;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Lifecycle;
import org.scizoo.core.model.MetadataKeys;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.scicat.SciCatWeb;

/**
 * A dataset's page, with SciCat's tabs: Details (general information, owner and contact, the scientific
 * metadata as a tree with units, by SciDog group where one was recorded), Datafiles (each datablock's files:
 * path, size, time, checksum), Annotations (the Scanlog's, with their history) and Lifecycle (publication,
 * access, the archive's and retrieval's state); and a link to its page on the facility's SciCat web frontend.
 */
final class DatasetPage {

    /** What the page shows of one dataset, read in a job. */
    record Content(Dataset dataset, List<OrigDatablock> datablocks, List<Annotation> annotations,
            Optional<Lifecycle> lifecycle) {
    }

    private final Label title;
    private final Link web;
    private final Supplier<Optional<URI>> frontend;
    private URI webPage;
    private final Tree details;
    private final Table files;
    private final Table annotations;
    private final Table lifecycle;
    private Content content;

    /** @param frontend the SciCat web frontend to link to, as the preferences say now */
    DatasetPage(Composite parent, Supplier<Optional<URI>> frontend) {
        this.frontend = frontend;
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        title = new Label(box, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText("Select a dataset to see its page");
        web = new Link(box, SWT.NONE);
        web.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        web.addListener(SWT.Selection, e -> {
            if (webPage != null) {
                Program.launch(webPage.toString());
            }
        });
        TabFolder tabs = new TabFolder(box, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        details = new Tree(tabs, SWT.BORDER | SWT.FULL_SELECTION);
        details.setHeaderVisible(true);
        for (String[] c : new String[][] { { "Field", "240" }, { "Value", "360" }, { "Unit", "90" } }) {
            TreeColumn col = new TreeColumn(details, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        tab(tabs, "Details", details);
        files = table(tabs, "Datafiles", new String[][] { { "Path", "420" }, { "Size", "100" }, { "Time", "200" },
                { "Checksum", "220" } });
        annotations = table(tabs, "Annotations", new String[][] { { "Time", "200" }, { "Author", "120" },
                { "Kind", "110" }, { "Value", "360" } });
        lifecycle = table(tabs, "Lifecycle", new String[][] { { "Field", "240" }, { "Value", "480" } });
    }

    private static void tab(TabFolder tabs, String name, org.eclipse.swt.widgets.Control control) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(name);
        item.setControl(control);
    }

    private static Table table(TabFolder tabs, String name, String[][] columns) {
        Table t = new Table(tabs, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        t.setHeaderVisible(true);
        for (String[] c : columns) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        tab(tabs, name, t);
        return t;
    }

    Content content() {
        return content;
    }

    Table files() {
        return files;
    }

    Tree details() {
        return details;
    }

    void show(Content c) {
        content = c;
        Dataset d = c.dataset();
        title.setText(d.datasetName() + "  (" + d.pid() + ")");
        details.removeAll();
        TreeItem general = item(details, null, "General information", "", "");
        general(d).forEach((k, v) -> item(details, general, k, v, ""));
        general.setExpanded(true);
        TreeItem sm = item(details, null, "Scientific metadata", d.scientificMetadata().size() + " entries", "");
        Map<String, TreeItem> groups = new LinkedHashMap<>();
        for (Map.Entry<String, MetadataValue> e : d.scientificMetadata().entrySet()) {
            MetadataValue v = e.getValue();
            TreeItem parent = v.group() == null ? sm
                    : groups.computeIfAbsent(v.group(), g -> item(details, sm, g, "", ""));
            String shown = MetadataValue.of(v.value()).display();
            item(details, parent, MetadataKeys.label(e.getKey()), shown, v.unit() == null ? "" : v.unit());
        }
        sm.setExpanded(true);
        groups.values().forEach(g -> g.setExpanded(true));

        files.removeAll();
        for (String[] row : fileRows(c)) {
            new TableItem(files, SWT.NONE).setText(row);
        }
        annotations.removeAll();
        for (Annotation a : c.annotations()) {
            new TableItem(annotations, SWT.NONE).setText(new String[] { String.valueOf(a.time()),
                    a.author() == null ? "" : a.author(), a.kind().name().toLowerCase(), summary(a) });
        }
        lifecycle.removeAll();
        lifecycleRows(d, c.lifecycle()).forEach((k, v) -> new TableItem(lifecycle, SWT.NONE).setText(new String[] {
                k, v }));
        showLink(d.pid());
    }

    private void showLink(String pid) {
        Optional<URI> at = frontend.get();
        webPage = at.map(f -> SciCatWeb.datasetPage(f, pid)).orElse(null);
        web.setText(webPage == null ? "No SciCat web frontend set (Preferences > Backend)"
                : "<a>Open its page in SciCat</a>");
        web.setToolTipText(webPage == null ? null : webPage.toString());
        web.getParent().layout(new org.eclipse.swt.widgets.Control[] { web });
    }

    /** The dataset's page on the SciCat web frontend, or null when none is set or no dataset is shown. */
    URI webPage() {
        return webPage;
    }

    /** The Lifecycle tab: publication and access, then the archive's state as SciCat's archive system keeps it. */
    static Map<String, String> lifecycleRows(Dataset d, Optional<Lifecycle> l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Published", d.isPublished() ? "yes (public)" : "no");
        m.put("Owner group", d.ownerGroup());
        m.put("Access groups", String.join(", ", d.accessGroups()));
        if (l.isEmpty()) {
            m.put("Archive", "no archive state recorded (the dataset has no datasetlifecycle)");
            return m;
        }
        Lifecycle c = l.get();
        m.put("Archive state", or(Lifecycle.words(c.archiveStatusMessage()), "none"));
        m.put("Retrieval state", or(Lifecycle.words(c.retrieveStatusMessage()), "none asked"));
        m.put("On the central disk", c.onCentralDisk() ? "yes" : "no");
        m.put("Can be archived", c.archivable() ? "yes" : "no");
        m.put("Can be retrieved", c.retrievable() ? "yes" : "no");
        m.put("Can be published", c.publishable() ? "yes" : "no");
        m.put("Leaves the disk", c.dateOfDiskPurging() == null ? "" : c.dateOfDiskPurging().toString());
        m.put("Kept in the archive until", c.archiveRetentionTime() == null ? "" : c.archiveRetentionTime().toString());
        m.put("Published on", c.dateOfPublishing() == null ? "" : c.dateOfPublishing().toString());
        m.put("Exported to", or(c.exportedTo(), ""));
        m.put("Storage location", or(c.storageLocation(), ""));
        return m;
    }

    private static String or(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    /** The Lifecycle tab's rows as "field=value" (tests). */
    List<String> lifecycleLines() {
        List<String> out = new ArrayList<>();
        for (TableItem i : lifecycle.getItems()) {
            out.add(i.getText(0) + "=" + i.getText(1));
        }
        return out;
    }

    /** The files' full paths (the datablock's path in the dataset's source folder). */
    List<String> paths() {
        List<String> out = new ArrayList<>();
        if (content != null) {
            for (String[] row : fileRows(content)) {
                out.add(row[0]);
            }
        }
        return out;
    }

    private static List<String[]> fileRows(Content c) {
        List<String[]> rows = new ArrayList<>();
        String folder = c.dataset().sourceFolder();
        for (OrigDatablock b : c.datablocks()) {
            for (DataFile f : b.dataFileList()) {
                String path = folder.isBlank() ? f.path() : Path.of(folder).resolve(f.path()).toString();
                rows.add(new String[] { path, Long.toString(f.size()), f.time() == null ? "" : f.time().toString(),
                        f.chk() == null ? "" : (b.chkAlg() == null ? "" : b.chkAlg() + ":") + f.chk() });
            }
        }
        return rows;
    }

    private static String summary(Annotation a) {
        String v = a.value() == null ? "" : a.value().replaceAll("\\s+", " ");
        return v.startsWith("data:") || v.length() > 200 ? v.substring(0, Math.min(v.length(), 40)) + "…" : v;
    }

    private static Map<String, String> general(Dataset d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PID", d.pid());
        m.put("Name", d.datasetName());
        m.put("Type", d.type().name().toLowerCase());
        m.put("Description", d.description() == null ? "" : d.description());
        m.put("Created", String.valueOf(d.creationTime()));
        m.put("Owner", d.owner());
        m.put("Contact", d.contactEmail());
        m.put("Principal investigators", String.join(", ", d.principalInvestigators()));
        m.put("Proposals", String.join(", ", d.proposalIds()));
        m.put("Samples", String.join(", ", d.sampleIds()));
        m.put("Instruments", String.join(", ", d.instrumentIds()));
        m.put("Techniques", String.join(", ", d.techniques().stream().map(t -> t.name()).toList()));
        m.put("Keywords", String.join(", ", d.keywords()));
        m.put("Source folder", d.sourceFolder());
        m.put("Files", d.numberOfFiles() + " (" + d.size() + " bytes)");
        return m;
    }

    private static TreeItem item(Tree tree, TreeItem parent, String field, String value, String unit) {
        TreeItem i = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
        i.setText(new String[] { field, value == null ? "" : value, unit });
        return i;
    }
}
