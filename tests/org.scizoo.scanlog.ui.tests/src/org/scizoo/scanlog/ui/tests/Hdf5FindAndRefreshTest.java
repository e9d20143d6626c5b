package org.scizoo.scanlog.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.ui.Hdf5Editors;
import org.scizoo.hdf5.ui.Hdf5InspectorPart;
import org.scizoo.ui.app.WorkbenchSettings;

/**
 * The inspector on a file h5py keeps writing: *Find by name* reveals and shows the dataset; with
 * *Auto-refresh* on, rows h5py appends appear in the view by themselves, the same dataset still shown.
 */
class Hdf5FindAndRefreshTest {

    private static final String WRITE = """
            import sys, h5py, numpy as np
            with h5py.File(sys.argv[1], "a") as f:
                if "entry" not in f:
                    entry = f.create_group("entry")
                    entry.attrs["NX_class"] = "NXentry"
                    data = entry.create_group("data")
                    data.attrs["NX_class"] = "NXdata"
                    data.attrs["signal"] = "counts"
                    data.create_dataset("counts", shape=(0,), maxshape=(None,), chunks=(16,), dtype="f8")
                d = f["entry/data/counts"]
                n = d.shape[0]
                d.resize((n + 10,))
                d[n:] = np.arange(n, n + 10)
            """;

    @TempDir
    Path dir;

    private int stage;
    private final List<String> seen = new ArrayList<>();
    private String waitingFor = "";

    @Test
    void findShowsADatasetAndAutoRefreshFollowsItsGrowth() throws Exception {
        Path file = dir.resolve("growing.nxs");
        append(file);
        boolean done = TestWorkbench.run(Map.of(WorkbenchSettings.DATA, dir.resolve("data").toString(),
                WorkbenchSettings.SIM, "false"), 60_000, model -> step(model, file));
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("opened", "found", "grown"), seen);
    }

    private boolean step(MApplication model, Path file) {
        switch (stage) {
            case 0 -> {
                Hdf5Editors.open(file, model);
                stage++;
            }
            case 1 -> {
                Hdf5InspectorPart part = part(model);
                waitingFor = "the root";
                if (part != null && part.rootNames().equals(List.of("entry"))) {
                    seen.add("opened");
                    part.find("COUNTS");
                    stage++;
                }
            }
            case 2 -> {
                Hdf5InspectorPart part = part(model);
                waitingFor = "the found dataset; " + part.statusText();
                if ("/entry/data/counts".equals(part.shownDataset()) && part.shownSlice().rows() == 10) {
                    seen.add("found");
                    part.setAutoRefresh(true);
                    append(file);
                    stage++;
                }
            }
            case 3 -> {
                Hdf5InspectorPart part = part(model);
                waitingFor = "20 rows after auto-refresh; shown " + part.shownDataset() + " "
                        + (part.shownSlice() == null ? null : part.shownSlice().rows()) + "; " + part.statusText();
                if ("/entry/data/counts".equals(part.shownDataset()) && part.shownSlice().rows() == 20) {
                    seen.add("grown");
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }

    private static Hdf5InspectorPart part(MApplication model) {
        for (MPart p : model.getContext().get(EPartService.class).getParts()) {
            if (p.getObject() instanceof Hdf5InspectorPart inspector) {
                return inspector;
            }
        }
        return null;
    }

    /** Appends 10 values with h5py (creating the file the first time). */
    private void append(Path file) {
        try {
            Path script = Files.writeString(dir.resolve("append.py"), WRITE);
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("h5py could not write " + file + ": " + out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
