package org.scizoo.ui.tests.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.edit.command.UpdateDataCommand;
import org.eclipse.nebula.widgets.nattable.sort.command.SortColumnCommand;
import org.eclipse.nebula.widgets.nattable.viewport.command.ShowColumnInViewportCommand;
import org.eclipse.nebula.widgets.nattable.viewport.command.ShowRowInViewportCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.scanlog.ui.ScanlogPart;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * The Scanlog used as a user would, in the real workbench with a fast simulated beamline: a click on a
 * header sorts, text in the filter row filters, a rating edited in its cell is stored and Ctrl+Z takes it
 * back, and scans arriving while the user looks further down do not move the rows they look at.
 */
class ScanlogInteractionTest {

    private static final long TIMEOUT_MS = 90_000;

    @TempDir
    Path data;

    private int stage;
    private final List<String> seen = new ArrayList<>();
    private String ratedPid;
    private String anchorPid;
    private int rowsAtAnchor;
    private String waitingFor = "";
    private String filterText;

    @Test
    void sortFilterRateUndoAndKeepTheScrollPosition() {
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM_INTERVAL,
                "250ms");
        boolean done = TestWorkbench.run(settings, TIMEOUT_MS, this::step);
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("sorted", "filtered", "rated", "undone", "kept", "image"), seen);
    }

    private boolean step(MApplication model) {
        EModelService models = model.getContext().get(EModelService.class);
        MPart mpart = (MPart) models.find("org.scizoo.scanlog.ui.part.scanlog", model);
        if (mpart == null || !(mpart.getObject() instanceof ScanlogPart part)) {
            return false;
        }
        NatTable nat = part.table();
        switch (stage) {
            case 0 -> { // enough scans: sort by T01, by a click's command on its header
                if (part.rowCount() >= 6) {
                    nat.doCommand(new SortColumnCommand(nat, column(nat, "T01"), false));
                    stage++;
                }
            }
            case 1 -> {
                if (ascending(part, Math.min(part.rowCount(), 6))) {
                    seen.add("sorted");
                    filterText = part.cell(2, "name");
                    nat.doCommand(new UpdateDataCommand(nat, column(nat, "Name"), 1, filterText));
                    stage++;
                }
            }
            case 2 -> {
                boolean all = part.rowCount() > 0;
                for (int i = 0; i < part.rowCount(); i++) {
                    all &= part.cell(i, "name").contains(filterText);
                }
                waitingFor = part.rowCount() + " rows, the first named " + part.cell(0, "name") + "; filter cell: "
                        + nat.getDataValueByPosition(column(nat, "Name"), 1);
                if (all) {
                    seen.add("filtered");
                    ratedPid = part.cell(0, "pid");
                    nat.doCommand(new UpdateDataCommand(nat, column(nat, "Rating"), 2, "★★★★"));
                    stage++;
                }
            }
            case 3 -> {
                int i = index(part, ratedPid);
                if (i >= 0 && part.cell(i, "rating").equals("★★★★")) {
                    seen.add("rated");
                    Event ctrlZ = new Event();
                    ctrlZ.keyCode = 'z';
                    ctrlZ.stateMask = SWT.MOD1;
                    // the table has the keyboard: its binding context is active, and e4 dispatches Ctrl+Z to Edit > Undo
                    nat.notifyListeners(SWT.FocusIn, new Event());
                    nat.notifyListeners(SWT.KeyDown, ctrlZ);
                    stage++;
                }
            }
            case 4 -> {
                int i = index(part, ratedPid);
                if (i >= 0 && part.cell(i, "rating").isEmpty()) {
                    seen.add("undone");
                    nat.doCommand(new UpdateDataCommand(nat, column(nat, "Name"), 1, ""));
                    nat.doCommand(new SortColumnCommand(nat, column(nat, "T01"), false)); // descending
                    nat.doCommand(new SortColumnCommand(nat, column(nat, "T01"), false)); // none: newest first
                    stage++;
                }
            }
            case 5 -> { // newest first again, with room to scroll: look at a row further down
                if (part.rowCount() >= 40 && part.cell(0, "sm.T01").length() > 0 && newestFirst(part)) {
                    nat.doCommand(new ShowRowInViewportCommand(30));
                    nat.doCommand(new ShowRowInViewportCommand(part.rowCount() - 1));
                    nat.doCommand(new ShowRowInViewportCommand(20));
                    int top = nat.getRowIndexByPosition(2);
                    if (top > 0) {
                        anchorPid = part.cell(top, "pid");
                        rowsAtAnchor = part.rowCount();
                        stage++;
                    }
                }
            }
            case 6 -> { // new scans came above it: the same scan is still the first one shown
                if (part.rowCount() >= rowsAtAnchor + 3) {
                    String top = part.cell(nat.getRowIndexByPosition(2), "pid");
                    if (top.equals(anchorPid)) {
                        seen.add("kept");
                    } else {
                        seen.add("moved to " + top + " from " + anchorPid);
                    }
                    part.attachImages(anchorPid, List.of(png().toString(), notAnImage().toString()));
                    stage++;
                }
            }
            case 7 -> { // dropped files: the image is attached and counted in the row, the text file refused
                int i = index(part, anchorPid);
                if (i >= 0 && part.cell(i, "images").equals("1 image") && refusal(nat) != null) {
                    seen.add("image");
                    String said = refusal(nat);
                    assertTrue(said.contains("notes.txt"), said);
                    return true;
                }
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    private Path png() {
        Path file = data.resolve("camera.png");
        if (!Files.exists(file)) {
            ImageData image = new ImageData(64, 48, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        }
        return file;
    }

    private Path notAnImage() {
        Path file = data.resolve("notes.txt");
        try {
            Files.writeString(file, "not an image");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** The error dialog about refused files, closed once read; null while none is open. */
    private static String refusal(NatTable nat) {
        for (Shell s : nat.getDisplay().getShells()) {
            if (s.isVisible() && s.getText().startsWith("SciZoo: Some files were not attached")) {
                String text = Widgets.labelTexts(s).toString();
                s.close();
                lastRefusal = text;
            }
        }
        return lastRefusal;
    }

    private static String lastRefusal;

    /**
     * The grid column position whose header starts with the text (position 0 is the row header), scrolling
     * right as a user would when the column is not in view.
     */
    private static int column(NatTable nat, String header) {
        for (int scroll = 0; scroll < 40; scroll++) {
            for (int c = 1; c < nat.getColumnCount(); c++) {
                if (String.valueOf(nat.getDataValueByPosition(c, 0)).startsWith(header)) {
                    return c;
                }
            }
            nat.doCommand(new ShowColumnInViewportCommand(scroll));
        }
        throw new AssertionError("no column " + header);
    }

    private static boolean ascending(ScanlogPart part, int n) {
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            String t = part.cell(i, "sm.T01");
            if (t.isEmpty()) {
                return false;
            }
            double v = Double.parseDouble(t);
            if (v < last) {
                return false;
            }
            last = v;
        }
        return n > 1;
    }

    private static boolean newestFirst(ScanlogPart part) {
        return part.cell(0, "creationTime").compareTo(part.cell(1, "creationTime")) >= 0
                && part.cell(1, "creationTime").compareTo(part.cell(2, "creationTime")) >= 0;
    }

    private static int index(ScanlogPart part, String pid) {
        for (int i = 0; i < part.rowCount(); i++) {
            if (part.cell(i, "pid").equals(pid)) {
                return i;
            }
        }
        return -1;
    }
}
