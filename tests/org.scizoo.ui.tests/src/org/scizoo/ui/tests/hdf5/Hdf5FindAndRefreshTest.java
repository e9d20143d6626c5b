package org.scizoo.ui.tests.hdf5;

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
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.Slice;
import org.scizoo.hdf5.SliceRequest;
import org.scizoo.hdf5.ui.Hdf5Editors;
import org.scizoo.hdf5.ui.Hdf5InspectorPart;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * The inspector on a file h5py keeps writing: *Find by name* reveals and shows the dataset; with
 * *Auto-refresh* on, rows h5py appends appear in the view by themselves, the same dataset still shown. A line
 * of 20 M values, more than one read holds, is shown in two parts, the plot's title saying which, and a
 * reload keeps the part chosen.
 */
class Hdf5FindAndRefreshTest {

    private static final int MAX = SliceRequest.MAX_VALUES;

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
                    entry.create_dataset("events", data=(np.arange(20_000_000) % 251).astype("u1"),
                                         chunks=(1 << 20,), compression="gzip", compression_opts=1)
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
    private Slice beforeReload;

    @Test
    void findShowsADatasetAutoRefreshFollowsItsGrowthAndALongLineComesInParts() throws Exception {
        Path file = dir.resolve("growing.nxs");
        append(file);
        boolean done = TestWorkbench.run(Map.of(WorkbenchSettings.DATA, dir.resolve("data").toString(),
                WorkbenchSettings.SIM, "false"), 60_000, model -> step(model, file));
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("opened", "found", "grown", "first part", "second part", "kept on reload"), seen);
    }

    private static boolean isSecondPart(Hdf5InspectorPart part) {
        Slice s = part.shownSlice();
        return "/entry/events".equals(part.shownDataset()) && s != null && s.request().rowStart() == MAX
                && s.rows() == 20_000_000 - MAX && s.number(0, 0) == MAX % 251
                && part.plotTitle().endsWith("[16777216:20000000]");
    }

    private static String shown(Hdf5InspectorPart part) {
        Slice s = part.shownSlice();
        return "shown " + part.shownDataset() + " " + (s == null ? null : s.request().rowStart() + "+" + s.rows())
                + "; title " + part.plotTitle() + "; " + part.statusText();
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
                    part.find("EVENTS");
                    stage++;
                }
            }
            case 4 -> {
                Hdf5InspectorPart part = part(model);
                waitingFor = "the first part of /entry/events; " + shown(part);
                Composite view = (Composite) mpart(model).getWidget();
                Spinner parts = Widgets.find(view, Spinner.class, sp -> sp.getToolTipText() != null
                        && sp.getToolTipText().startsWith("20000000 rows along axis 0, shown 16777216 at a time"));
                if ("/entry/events".equals(part.shownDataset()) && part.shownSlice().rows() == MAX
                        && part.plotTitle().endsWith("[0:16777216]") && parts != null && parts.getSelection() == 1
                        && "of 2".equals(Widgets.labelText(view, "of 2"::equals))) {
                    seen.add("first part");
                    parts.setSelection(2); // as a user does, with the arrow or a number typed in
                    parts.notifyListeners(SWT.Selection, new Event());
                    stage++;
                }
            }
            case 5 -> {
                Hdf5InspectorPart part = part(model);
                waitingFor = "the second part; " + shown(part);
                if (isSecondPart(part)) {
                    seen.add("second part");
                    beforeReload = part.shownSlice();
                    part.reload();
                    stage++;
                }
            }
            case 6 -> {
                Hdf5InspectorPart part = part(model);
                waitingFor = "the second part read again after a reload; " + shown(part);
                Spinner parts = Widgets.find((Composite) mpart(model).getWidget(), Spinner.class,
                        sp -> sp.getToolTipText() != null && sp.getToolTipText().startsWith("20000000 rows"));
                if (part.shownSlice() != beforeReload && isSecondPart(part) && parts != null
                        && parts.getSelection() == 2) {
                    seen.add("kept on reload");
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }

    private static Hdf5InspectorPart part(MApplication model) {
        MPart p = mpart(model);
        return p == null ? null : (Hdf5InspectorPart) p.getObject();
    }

    private static MPart mpart(MApplication model) {
        for (MPart p : model.getContext().get(EPartService.class).getParts()) {
            if (p.getObject() instanceof Hdf5InspectorPart) {
                return p;
            }
        }
        return null;
    }

    /** Appends 10 values with h5py (creating the file the first time). */
    private void append(Path file) {
        try {
            Path script = Files.writeString(dir.resolve("append.py"), WRITE);
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString())
                    .redirectErrorStream(true)
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
