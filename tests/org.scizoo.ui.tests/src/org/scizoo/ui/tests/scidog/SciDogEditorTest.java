package org.scizoo.ui.tests.scidog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.edit.command.UpdateDataCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.config.core.ConfigEditorModel;
import org.scizoo.config.ui.EntryColumn;
import org.scizoo.config.ui.SciDogPart;
import org.scizoo.core.model.MetadataConfig;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;

/**
 * The SciDog editor in the real workbench: rows added and edited through NatTable's own editing path,
 * undone with Ctrl+Z, the part's dirty state, and save as a new version in the catalogue.
 */
class SciDogEditorTest {

    @TempDir
    Path data;

    @Test
    void editUndoSaveInTheSciDogTable() throws Exception {
        List<String> failures = new ArrayList<>();
        int[] step = { 0 };
        MPart[] partModel = new MPart[1];
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM, "false");
        boolean done = TestWorkbench.run(settings, 60_000, model -> {
            try {
                return step(model, step, partModel, failures);
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
                return true;
            }
        });
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(done, "stopped at step " + step[0]);
        // The workbench closed its catalogue session; what was saved is in the data folder.
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            MetadataConfig saved = store.configs().current("sim-saxs").orElseThrow();
            assertEquals(1, saved.version());
            assertEquals(List.of("T01"), saved.entries().stream().map(MetadataEntry::name).toList());
            assertEquals("b310a-e01/dia/tco-01", saved.entries().get(0).device());
            assertEquals(null, saved.entries().get(0).group(), "saved as it was after the undo");
        }
    }

    /** One step per tick, each on the display thread, as a user would go: open, add, edit, undo, save. */
    private static boolean step(MApplication app, int[] step, MPart[] part, List<String> failures) {
        MWindow window = app.getChildren().get(0);
        switch (step[0]) {
            case 0 -> {
                EPartService parts = window.getContext().get(EPartService.class);
                part[0] = parts.showPart("org.scizoo.config.ui.part.scidog", PartState.ACTIVATE);
                step[0]++;
            }
            case 1 -> {
                SciDogPart p = (SciDogPart) part[0].getObject();
                if (p != null && p.model() != null) {
                    assertTrue(p.model().entries().isEmpty(), "a beamline without a configuration opens empty");
                    p.addRow();
                    step[0]++;
                }
            }
            case 2 -> {
                SciDogPart p = (SciDogPart) part[0].getObject();
                NatTable table = findTable((org.eclipse.swt.widgets.Composite) part[0].getWidget());
                // Cells are edited through NatTable's command, as its cell editors do (positions include headers).
                edit(table, EntryColumn.NAME, "T01");
                edit(table, EntryColumn.DEVICE, "b310a-e01/dia/tco-01");
                edit(table, EntryColumn.ATTRIBUTE, "temperature");
                edit(table, EntryColumn.GROUP, "temperatures");
                ConfigEditorModel m = p.model();
                assertEquals("T01", m.entries().get(0).name());
                assertTrue(part[0].isDirty(), "edits make the part dirty");
                Event ctrlZ = new Event();
                ctrlZ.keyCode = 'z';
                ctrlZ.stateMask = SWT.MOD1;
                // the table has the keyboard: its binding context is active, and e4 dispatches Ctrl+Z to Edit > Undo
                table.notifyListeners(SWT.FocusIn, new Event());
                table.notifyListeners(SWT.KeyDown, ctrlZ);
                assertEquals(null, m.entries().get(0).group(), "Ctrl+Z undid the last edit");
                assertTrue(m.canRedo());
                p.save();
                step[0]++;
            }
            case 3 -> {
                SciDogPart p = (SciDogPart) part[0].getObject();
                if (!p.saving()) {
                    assertFalse(part[0].isDirty(), "saved");
                    return true;
                }
            }
            default -> failures.add("unexpected step " + step[0]);
        }
        return false;
    }

    private static void edit(NatTable table, EntryColumn column, String value) {
        table.doCommand(new UpdateDataCommand(table, column.ordinal() + 1, 1, value));
    }

    private static NatTable findTable(org.eclipse.swt.widgets.Composite c) {
        for (Control child : c.getChildren()) {
            if (child instanceof NatTable t) {
                return t;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                NatTable t = findTable(inner);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
