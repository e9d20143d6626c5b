package org.scizoo.ui.tests.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.scanlog.ui.ScanlogPart;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.Screenshots;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * Starts the control-room workbench from its real application model (Application.e4xmi plus the Scanlog
 * fragment) on the embedded catalogue with a fast simulated beamline, and watches scans arrive in the
 * Scanlog table. Saves target/screenshots/scanlog.png, and the README's docs/images/scanlog.png.
 */
class WorkbenchStartsWithLiveScanlogTest {

    private static final long TIMEOUT_MS = 60_000;
    /** Enough for the README's picture to show a page of scans (at 300 ms each, 4 s). */
    private static final int ROWS_WANTED = 12;

    @TempDir
    Path data;

    @Test
    void scansArriveLiveInTheScanlog() throws Exception {
        List<String> observed = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int[] rowsSeen = { -1 };
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM_INTERVAL,
                "300ms");
        boolean done = TestWorkbench.run(settings, TIMEOUT_MS, model -> {
            Display display = Display.getCurrent();
            List<String> dialogs = closeDialogs(display);
            if (!dialogs.isEmpty()) {
                unexpected.addAll(dialogs);
                return true;
            }
            ScanlogPart scanlog = scanlog(model);
            rowsSeen[0] = scanlog == null ? -1 : scanlog.rowCount();
            if (rowsSeen[0] < ROWS_WANTED) {
                return false;
            }
            observed.addAll(describe(scanlog, display));
            return true;
        });

        assertTrue(unexpected.isEmpty(), "no error dialog expected, got: " + unexpected);
        assertTrue(done, "rows in the Scanlog after " + TIMEOUT_MS / 1000 + " s: " + rowsSeen[0]
                + " (-1: no Scanlog part)");
        String firstRowCells = observed.get(1);
        assertTrue(firstRowCells.matches(".*sim-saxs scan \\d+ \\| (ascan|dscan|timescan|mesh) .*/data/visitors/.*"),
                firstRowCells);
        assertTrue(observed.get(4).matches("-?\\d+(\\.\\d+)?"), "T01 column, a number: " + observed.get(4));
        String status = observed.get(2);
        assertTrue(status.contains("Catalogue: embedded") && status.contains(" up "), status);
        Path shot = Path.of(observed.get(3));
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
        assertEquals("", observed.get(5), "rows tinted exactly when their scan did not finish");
    }

    /** Closes dialogs (a modal one would block the test), returning what they said. */
    private static List<String> closeDialogs(Display display) {
        List<String> said = new ArrayList<>();
        for (Shell s : display.getShells()) {
            if (s.isVisible() && s.getText().startsWith("SciZoo:")) {
                said.add(s.getText() + ": " + Widgets.labelTexts(s));
                s.close();
            }
        }
        return said;
    }

    private static ScanlogPart scanlog(MApplication model) {
        EModelService models = model.getContext().get(EModelService.class);
        MPart part = (MPart) models.find("org.scizoo.scanlog.ui.part.scanlog", model);
        return part != null && part.getObject() instanceof ScanlogPart p ? p : null;
    }

    /** [rows, first row's visible cells, status line, screenshot path, T01 cell], on the display thread. */
    private static List<String> describe(ScanlogPart scanlog, Display display) {
        List<String> out = new ArrayList<>();
        assertNotNull(scanlog, "the Scanlog part was created from the model fragment");
        out.add(Integer.toString(scanlog.rowCount()));
        NatTable table = scanlog.table();
        StringBuilder cells = new StringBuilder();
        for (int col = 0; col < table.getColumnCount(); col++) {
            cells.append(table.getDataValueByPosition(col, 2)).append(" | "); // 0 headers, 1 filter row
        }
        out.add(cells.toString());
        Shell shell = table.getShell();
        out.add(Widgets.statusLine(shell));
        out.add(Screenshots.save(shell, "scanlog.png").toString());
        out.add(scanlog.cell(0, "sm.T01"));
        StringBuilder wronglyMarked = new StringBuilder();
        for (int row = 0; row < ROWS_WANTED; row++) {
            String outcome = scanlog.cell(row, "sm.outcome");
            boolean incomplete = !outcome.isEmpty() && !outcome.equals("finished");
            // grid positions: headers and filter row above, the row header to the left
            if (table.getConfigLabelsByPosition(1, row + 2).hasLabel("SCANLOG_INCOMPLETE") != incomplete) {
                wronglyMarked.append("row ").append(row).append(" (").append(outcome).append(") ");
            }
        }
        out.add(wronglyMarked.toString());
        assertEquals("Scan", table.getDataValueByPosition(1, 0), "column header row");
        return out;
    }
}
