package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.config.core.RowCheck;
import org.scizoo.config.ui.SciDogPart;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * The embedded default shows the whole chain without a server: the simulated beamline comes with its
 * SciDog configuration, whose rows are checked against the simulated devices with live values; the device
 * browser lists those devices; a row added and saved is recorded by the next simulated scan.
 */
class SimulatedBeamlineChainTest {

    private static final String FLOW_DEVICE = "sim://sim-saxs/waterbath/1";

    @TempDir
    Path data;

    private int stage;
    private final List<String> seen = new ArrayList<>();
    private String waitingFor = "";
    private final List<Dataset> stored = new CopyOnWriteArrayList<>();
    private int storedBeforeSave;

    @Test
    void configurationBecomesMetadata() throws Exception {
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM_INTERVAL,
                "300ms");
        CatalogService catalog = OsgiServices.get(CatalogService.class);
        boolean done;
        try (AutoCloseable listening = catalog.onDatasets(stored::addAll)) {
            done = TestWorkbench.run(settings, 90_000, this::step);
        }
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("configuration", "checked", "browser", "saved", "recorded"), seen);
    }

    private boolean step(MApplication model) {
        EPartService parts = model.getChildren().get(0).getContext().get(EPartService.class);
        MPart part = parts.findPart("org.scizoo.config.ui.part.scidog");
        switch (stage) {
            case 0 -> {
                part = parts.showPart("org.scizoo.config.ui.part.scidog", PartState.ACTIVATE);
                SciDogPart p = part.getObject() instanceof SciDogPart s ? s : null;
                waitingFor = "the simulated beamline's configuration in SciDog; "
                        + (p == null || p.model() == null ? "none"
                                : p.model().entries().size() + " rows, version " + p.model().savedVersion());
                if (p != null && p.model() != null && p.model().savedVersion() == 1) {
                    List<String> names = p.model().entries().stream().map(MetadataEntry::name).toList();
                    assertTrue(names.containsAll(List.of("T01", "T02", "sample_description", "sample_well",
                            "sample_concentration", "eiger_nbimages", "eiger_nbtriggers", "waterbath_temperature")),
                            names.toString());
                    seen.add("configuration");
                    stage++;
                }
            }
            case 1 -> {
                SciDogPart p = (SciDogPart) part.getObject();
                List<RowCheck> checks = p.checks();
                waitingFor = "rows checked against the simulated devices; " + checks;
                int t01 = p.model().entries().stream().map(MetadataEntry::name).toList().indexOf("T01");
                if (checks.size() == p.model().entries().size() && checks.get(t01).ok()) {
                    double value = Double.parseDouble(checks.get(t01).liveValue());
                    assertTrue(value > 20 && value < 25, "a sample cell's temperature: " + value);
                    assertEquals("degC", checks.get(t01).unit());
                    seen.add("checked");
                    stage++;
                }
            }
            case 2 -> {
                Tree tree = Widgets.find((Composite) part.getWidget(), Tree.class, t -> true);
                List<String> roots = tree == null ? List.of()
                        : Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
                waitingFor = "the device browser's simulated devices; roots " + roots;
                if (roots.equals(List.of("sim-saxs"))) {
                    seen.add("browser");
                    SciDogPart p = (SciDogPart) part.getObject();
                    p.model().add(-1, new MetadataEntry("water bath", "waterbath_flow", FLOW_DEVICE, "flow", "l/min",
                            When.START, true));
                    storedBeforeSave = stored.size();
                    p.save();
                    stage++;
                }
            }
            case 3 -> {
                SciDogPart p = (SciDogPart) part.getObject();
                waitingFor = "the save; dirty " + part.isDirty();
                if (!p.saving() && !part.isDirty() && p.model().savedVersion() == 2) {
                    seen.add("saved");
                    storedBeforeSave = stored.size();
                    stage++;
                }
            }
            case 4 -> {
                // a scan that starts once the saved configuration is read again (at most a second later)
                List<Dataset> after = stored.subList(Math.min(storedBeforeSave, stored.size()), stored.size());
                waitingFor = "a scan with waterbath_flow; stored since the save: " + after.size();
                for (Dataset d : after) {
                    // the water bath is away 10 s in every 70 s: then the entry is in harvest_errors instead
                    if (d.metadata("waterbath_flow") != null) {
                        assertEquals("l/min", d.metadata("waterbath_flow").unit());
                        assertTrue(d.metadata("T01") != null && "degC".equals(d.metadata("T01").unit()));
                        seen.add("recorded");
                        return true;
                    }
                }
            }
            default -> {
            }
        }
        return false;
    }
}
