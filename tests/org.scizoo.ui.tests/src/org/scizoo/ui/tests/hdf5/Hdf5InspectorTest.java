package org.scizoo.ui.tests.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.hdf5.ui.Hdf5Editors;
import org.scizoo.hdf5.ui.Hdf5InspectorPart;
import org.scizoo.tests.support.SharedData;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;

/**
 * The HDF5 inspector in the real workbench: File > Open's command opens three files at once, each in its
 * own part (two facility NeXus files and one of the HDF5 library's corrupt ones); the tree shows their
 * roots, the corrupt one says what is wrong and the workbench goes on; Default plot shows each NeXus
 * file's signal as an image of its full size, and for a 2014 file without @default the first NXdata that
 * plots, saying so on the status line.
 */
class Hdf5InspectorTest {

    private static final long TIMEOUT_MS = 90_000;

    @TempDir
    Path data;

    private int stage;
    private final List<String> seen = new ArrayList<>();
    private String waitingFor = "";

    @Test
    void openThreeFilesTreeErrorsAndDefaultPlots() {
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString());
        boolean done = TestWorkbench.run(settings, TIMEOUT_MS, this::step);
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("menu", "opened", "trees", "corrupt said", "example plot", "chopper plot", "recent",
                "older nexus plot"), seen);
    }

    private boolean step(MApplication model) {
        EPartService parts = model.getContext().get(EPartService.class);
        Path example = SharedData.file("nexus/example.nxs");
        Path chopper = SharedData.file("nexus/chopper.nxs");
        Path corrupt = SharedData.file("hdf5/malformed/corrupt_stab_msg.h5");
        Path older = SharedData.file("nexus/38323_processed.nxs");
        switch (stage) {
            case 0 -> {
                MMenu main = model.getChildren().get(0).getMainMenu();
                MMenu file = main == null ? null : (MMenu) main.getChildren().stream()
                        .filter(m -> "org.scizoo.ui.app.menu.file".equals(m.getElementId())).findFirst().orElse(null);
                waitingFor = "the File menu with Open; main menu " + (main == null ? null : main.getChildren().stream()
                        .map(m -> m.getElementId() + (m instanceof MMenu mm ? mm.getChildren().stream()
                                .map(MMenuElement::getElementId).toList() : ""))
                        .toList())
                        + "; command " + model.getCommand(Hdf5Editors.OPEN_COMMAND) + "; fragments " + java.util.Arrays
                                .stream(org.eclipse.core.runtime.Platform.getExtensionRegistry()
                                        .getConfigurationElementsFor("org.eclipse.e4.workbench.model"))
                                .map(c -> c.getContributor().getName() + ":" + c.getAttribute("uri")).toList();
                if (file != null && file.getChildren().stream().map(MMenuElement::getElementId)
                        .anyMatch("org.scizoo.hdf5.ui.menuitem.open"::equals)) {
                    seen.add("menu");
                    ECommandService commands = model.getContext().get(ECommandService.class);
                    EHandlerService handlers = model.getContext().get(EHandlerService.class);
                    for (Path p : List.of(example, chopper, corrupt)) {
                        var command = commands.createCommand(Hdf5Editors.OPEN_COMMAND,
                                Map.of(Hdf5Editors.FILE_PARAMETER, p.toString()));
                        assertTrue(handlers.canExecute(command), "the open command can run");
                        handlers.executeHandler(command);
                    }
                    stage++;
                }
            }
            case 1 -> {
                waitingFor = "three inspector parts; parts " + parts.getParts().stream()
                        .map(p -> p.getElementId() + "=" + p.getObject() + "@" + p.getParent()).toList();
                if (inspectors(parts).size() == 3) {
                    seen.add("opened");
                    stage++;
                }
            }
            case 2 -> {
                waitingFor = "the trees' roots";
                Hdf5InspectorPart e = inspector(parts, example);
                Hdf5InspectorPart c = inspector(parts, chopper);
                if (rootNames(e).equals(List.of("entry")) && rootNames(c).equals(List.of("entry"))) {
                    seen.add("trees");
                    stage++;
                }
            }
            case 3 -> {
                Hdf5InspectorPart bad = inspector(parts, corrupt);
                waitingFor = "the corrupt file's error; status: " + bad.statusText();
                if (bad.lastProblem() != null && bad.lastProblem().contains("cannot read the members of /")) {
                    seen.add("corrupt said");
                    inspector(parts, example).defaultPlot();
                    stage++;
                }
            }
            case 4 -> {
                Hdf5InspectorPart e = inspector(parts, example);
                waitingFor = "example's default plot; shown " + e.shownDataset() + "; status " + e.statusText()
                        + "; image " + e.plotShowsImage() + "; slice " + (e.shownSlice() == null ? null
                                : e.shownSlice().rows() + "x" + e.shownSlice().cols());
                if ("/entry/data/signal".equals(e.shownDataset()) && e.plotShowsImage()
                        && e.shownSlice().rows() == 101 && e.shownSlice().cols() == 101) {
                    seen.add("example plot");
                    inspector(parts, chopper).defaultPlot();
                    stage++;
                }
            }
            case 5 -> {
                Hdf5InspectorPart c = inspector(parts, chopper);
                waitingFor = "chopper's default plot; shown " + c.shownDataset() + "; status " + c.statusText()
                        + "; image " + c.plotShowsImage() + "; attributes " + c.attributeRows();
                if ("/entry/data/data".equals(c.shownDataset()) && c.plotShowsImage() && c.shownSlice().rows() == 148
                        && c.shownSlice().cols() == 750 && c.attributeRows() > 0) {
                    seen.add("chopper plot");
                    stage++;
                }
            }
            case 6 -> {
                List<String> recent = Hdf5Editors.recent();
                waitingFor = "the recent files; " + recent;
                if (recent.size() >= 3 && recent.get(0).equals(corrupt.toAbsolutePath().normalize().toString())) {
                    seen.add("recent");
                    ECommandService commands = model.getContext().get(ECommandService.class);
                    model.getContext().get(EHandlerService.class).executeHandler(commands.createCommand(
                            Hdf5Editors.OPEN_COMMAND, Map.of(Hdf5Editors.FILE_PARAMETER, older.toString())));
                    stage++;
                }
            }
            case 7 -> {
                waitingFor = "the older NeXus file's tree";
                if (inspectors(parts).size() == 4 && rootNames(inspector(parts, older)).contains("entry")) {
                    inspector(parts, older).defaultPlot();
                    stage++;
                }
            }
            case 8 -> {
                Hdf5InspectorPart o = inspector(parts, older);
                waitingFor = "the older file's fallback plot; shown " + o.shownDataset() + "; status " + o.statusText();
                if ("/entry/auxiliary/0-Centroid/centroid_x/data".equals(o.shownDataset()) && o.statusText()
                        .contains("(/entry/auxiliary/0-Centroid/centroid_x: the first NXdata that can be plotted")) {
                    seen.add("older nexus plot");
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }

    private static List<Hdf5InspectorPart> inspectors(EPartService parts) {
        List<Hdf5InspectorPart> found = new ArrayList<>();
        for (MPart part : parts.getParts()) {
            if (part.getObject() instanceof Hdf5InspectorPart inspector) {
                found.add(inspector);
            }
        }
        return found;
    }

    private static Hdf5InspectorPart inspector(EPartService parts, Path file) {
        return inspectors(parts).stream().filter(p -> p.file().equals(file.toAbsolutePath().normalize())).findFirst()
                .orElseThrow(() -> new AssertionError("no inspector for " + file));
    }

    private static List<String> rootNames(Hdf5InspectorPart part) {
        return part.rootNames();
    }
}
