package org.scizoo.scanlog.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.core.model.Annotations;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.scanlog.core.AnnotationField;
import org.scizoo.scanlog.core.CsvExport;
import org.scizoo.core.images.Images;
import org.scizoo.scanlog.core.ScanlogSession.Snapshot;
import org.scizoo.ui.app.OpenInJupyter;

/** What a user does from the Scanlog's rows: copy pids, attach and view images, export, undo. */
final class ScanlogActions {

    /** An annotation change, for undo: the value before it. */
    record Change(String pid, AnnotationField field, String previous) {
    }

    private final ScanlogPart part;

    ScanlogActions(ScanlogPart part) {
        this.part = part;
    }

    Menu contextMenu(org.eclipse.swt.widgets.Control nat) {
        Menu menu = new Menu(nat);
        item(menu, "Copy PID\tCtrl+Shift+C", this::copyPids);
        item(menu, "Add image…", this::addImageFromDialog);
        item(menu, "Show images", () -> {
            List<Integer> rows = part.scanTable().selectedRows();
            if (!rows.isEmpty()) {
                showImages(rows.get(0));
            }
        });
        new MenuItem(menu, SWT.SEPARATOR);
        item(menu, "Export to CSV…", this::exportCsv);
        item(menu, "Send to Elogy…", this::sendToElogy);
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem hdf5 = item(menu, "Open data file in the HDF5 inspector", this::openDataFiles);
        menu.addListener(SWT.Show, e -> hdf5.setEnabled(part.canOpenDataFiles()));
        item(menu, "Open in Jupyter", this::openInJupyter);
        MenuItem catalogue = item(menu, "Show in catalogue", () -> {
            List<String> pids = part.selectedPids();
            if (pids.isEmpty()) {
                part.setSummary("Select a scan to show its page in the Catalogue");
            } else {
                part.showInCatalogue(pids.get(0));
            }
        });
        menu.addListener(SWT.Show, e -> catalogue.setEnabled(part.canShowInCatalogue()));
        new MenuItem(menu, SWT.SEPARATOR);
        item(menu, "Undo last annotation change\tCtrl+Z", part::undoLast);
        return menu;
    }

    private static MenuItem item(Menu menu, String text, Runnable action) {
        MenuItem i = new MenuItem(menu, SWT.PUSH);
        i.setText(text);
        i.addListener(SWT.Selection, e -> action.run());
        return i;
    }

    /** The selected scans' data files, each in an inspector; a data path that is no file is said so. */
    void openDataFiles() {
        Snapshot s = part.scanTable().snapshot();
        List<Integer> rows = part.scanTable().selectedRows();
        if (s == null || rows.isEmpty()) {
            part.setSummary("Select scans to open their data files");
            return;
        }
        List<String> missing = new java.util.ArrayList<>();
        for (int row : rows) {
            String path = s.table().column("dataPath").text(row);
            if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
                missing.add(path == null || path.isBlank() ? s.table().pid(row) + " (no data path)" : path);
            } else {
                part.openDataFile(path);
            }
        }
        if (!missing.isEmpty()) {
            part.setSummary("No data file to open at " + String.join(", ", missing)
                    + (missing.size() == 1 ? " (not a file on this computer)" : " (not files on this computer)"));
        }
    }

    /** A notebook on the selected scans, opened where the Jupyter preferences say. */
    void openInJupyter() {
        Snapshot s = part.scanTable().snapshot();
        List<Integer> rows = part.scanTable().selectedRows();
        if (s == null || rows.isEmpty()) {
            part.setSummary("Select scans to open them in Jupyter");
            return;
        }
        try {
            OpenInJupyter.open(shell(), part.sync(), part.catalog().store(),
                    rows.stream().map(r -> s.table().pid(r)).toList(), part::setSummary);
        } catch (CatalogException e) {
            part.error("Open in Jupyter", e.getMessage());
        }
    }

    void doubleClicked(Event e) {
        ScanlogTable t = part.scanTable();
        int row = t.rowAt(e.x, e.y);
        if (row >= 0 && AnnotationField.IMAGES.id().equals(t.columnAt(e.x))) {
            showImages(row);
        }
    }

    void copyPids() {
        Snapshot s = part.scanTable().snapshot();
        List<Integer> rows = part.scanTable().selectedRows();
        if (s == null || rows.isEmpty()) {
            part.setSummary("Select scans to copy their pids");
            return;
        }
        String pids = String.join("\n", rows.stream().map(r -> s.table().pid(r)).toList());
        Clipboard clipboard = new Clipboard(part.table().getDisplay());
        try {
            clipboard.setContents(new Object[] { pids }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        part.setSummary(rows.size() == 1 ? "Copied " + pids : "Copied " + rows.size() + " pids");
    }

    private void addImageFromDialog() {
        Snapshot s = part.scanTable().snapshot();
        List<Integer> rows = part.scanTable().selectedRows();
        if (s == null || rows.size() != 1) {
            part.setSummary("Select one scan to attach images to");
            return;
        }
        FileDialog dialog = new FileDialog(shell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("SciZoo: Attach images to " + s.table().pid(rows.get(0)));
        dialog.setFilterExtensions(new String[] { "*.png;*.jpg;*.jpeg;*.tif;*.tiff", "*.*" });
        if (dialog.open() == null) {
            return;
        }
        List<String> files = List.of(dialog.getFileNames()).stream()
                .map(n -> Path.of(dialog.getFilterPath(), n).toString()).toList();
        attachImages(s.table().pid(rows.get(0)), files);
    }

    /** Reads, checks and stores images in a job; a file that is not an image is reported and skipped. */
    void attachImages(String pid, List<String> files) {
        Job.create("Attaching " + files.size() + " image(s) to " + pid, monitor -> {
            StringBuilder refused = new StringBuilder();
            try {
                CatalogStore store = part.catalog().store();
                for (String f : files) {
                    Path p = Path.of(f);
                    try {
                        store.annotations().addImage(Images.prepare(pid, p.getFileName().toString(),
                                Files.readAllBytes(p), ScanlogPart.author(), Instant.now()));
                    } catch (IllegalArgumentException | IOException e) {
                        refused.append(p.getFileName()).append(": ").append(e.getMessage()).append('\n');
                    }
                }
                part.session().annotated(Annotations.of(pid, store.annotations().history(pid)));
                part.sync().asyncExec(() -> part.thumbnails().forget(pid));
            } catch (CatalogException e) {
                refused.append(e.getMessage());
            }
            if (!refused.isEmpty()) {
                part.sync().asyncExec(() -> part.error("Some files were not attached", refused.toString()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    void showImages(int row) {
        Snapshot s = part.scanTable().snapshot();
        new ImagesDialog(shell(), part, s.table().pid(row)).open();
    }

    /** CSV of the selected rows (or all shown when none is selected), the shown columns. */
    void exportCsv() {
        Snapshot s = part.scanTable().snapshot();
        if (s == null) {
            return;
        }
        int[] rows = chosenRows(s);
        List<String> columns = part.scanTable().columns();
        FileDialog dialog = new FileDialog(shell(), SWT.SAVE);
        dialog.setText("SciZoo: Export " + rows.length + " scans to CSV");
        dialog.setFilterExtensions(new String[] { "*.csv" });
        dialog.setFileName("scanlog.csv");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        Job job = Job.create("Exporting " + rows.length + " scans to " + file, monitor -> {
            try (var w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(file)),
                    StandardCharsets.UTF_8))) {
                int n = CsvExport.write(s.table(), rows, columns, w);
                part.sync().asyncExec(() -> part.setSummary("Exported " + n + " scans to " + file));
                return Status.OK_STATUS;
            } catch (IOException e) {
                part.sync().asyncExec(() -> part.error("CSV export failed", file + ": " + e.getMessage()));
                return new Status(IStatus.WARNING, "org.scizoo.scanlog.ui", e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }

    int[] chosenRows(Snapshot s) {
        List<Integer> selected = part.scanTable().selectedRows();
        return selected.isEmpty() ? s.rows().rows() : selected.stream().mapToInt(Integer::intValue).toArray();
    }

    void sendToElogy() {
        Snapshot s = part.scanTable().snapshot();
        if (s == null) {
            return;
        }
        List<Integer> selected = part.scanTable().selectedRows();
        if (selected.isEmpty()) {
            part.setSummary("Select the scans to send to Elogy");
            return;
        }
        new ElogyDialog(shell(), part, s, selected.stream().mapToInt(Integer::intValue).toArray(),
                part.scanTable().columns()).open();
    }

    private Shell shell() {
        return part.table().getShell();
    }
}
