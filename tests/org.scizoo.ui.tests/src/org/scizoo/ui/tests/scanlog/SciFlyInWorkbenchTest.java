package org.scizoo.ui.tests.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.scanlog.ui.ScanlogPart;
import org.scizoo.tests.support.SharedData;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * SciFly in the workbench ({@code ./scizoo --watch DIR}, no simulated beamline): the analyser files in the
 * folder become Scanlog rows, with their data paths and their headers' pass energies; a folder that goes
 * away (an unmounted share) is named on the status line until it is back.
 */
class SciFlyInWorkbenchTest {

    @TempDir
    Path data;
    @TempDir
    Path watched;

    private final List<String> seen = new ArrayList<>();

    @Test
    void analyserFilesBecomeScanlogRows() throws Exception {
        for (String f : List.of("scienta/Ag_0001.txt", "scienta/Cu-HHTP_0001Cu-HHTP__001.ibw",
                "specs/MgFe2O4_small.xy")) {
            Path copy = Files.copy(SharedData.file(f), watched.resolve(Path.of(f).getFileName()));
            Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM, "false",
                WorkbenchSettings.WATCH, watched.toString());
        Path away = watched.resolveSibling(watched.getFileName() + ".unmounted");
        String[] phase = { "rows" };
        String[] status = { "" };
        boolean done;
        try {
            done = TestWorkbench.run(settings, 90_000, model -> {
                MPart mpart = (MPart) model.getContext().get(EModelService.class).find(
                        "org.scizoo.scanlog.ui.part.scanlog",
                        model);
                if (mpart == null || !(mpart.getObject() instanceof ScanlogPart part) || part.rowCount() < 3) {
                    return false;
                }
                status[0] = Widgets.statusLine(part.table().getShell());
                switch (phase[0]) {
                    case "rows" -> {
                        seen.clear();
                        for (int row = 0; row < part.rowCount(); row++) {
                            String path = part.cell(row, "dataPath");
                            seen.add(
                                    path.substring(path.lastIndexOf('/') + 1) + " " + part.cell(row, "sm.pass_energy"));
                        }
                        move(watched, away); // the analyser's share unmounted
                        phase[0] = "down";
                    }
                    case "down" -> {
                        if (status[0].contains("SOURCE DOWN: SciFly " + watched)) {
                            move(away, watched);
                            phase[0] = "up";
                        }
                    }
                    default -> {
                        return !status[0].contains("SOURCE DOWN");
                    }
                }
                return false;
            });
        } finally {
            if (Files.isDirectory(away)) {
                move(away, watched);
            }
        }
        assertTrue(done, "rows seen: " + seen + "; waiting for the folder to be " + phase[0]
                + " on the status line: " + status[0]);
        assertEquals(new TreeSet<>(List.of("Ag_0001.txt 50", "Cu-HHTP_0001Cu-HHTP__001.ibw 200",
                "MgFe2O4_small.xy 100, 20")), new TreeSet<>(seen));
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
