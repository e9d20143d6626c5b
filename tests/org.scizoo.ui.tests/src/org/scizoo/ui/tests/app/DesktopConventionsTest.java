package org.scizoo.ui.tests.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.config.ui.SciDogPart;
import org.scizoo.ui.app.InfoDialogs;
import org.scizoo.ui.app.WorkbenchCommands;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * The workbench's menus, commands and keys as a desktop user expects them: File, Edit, Window and Help with
 * their items; Window shows a part; SciDog's Insert and Delete reach it through its binding table only while
 * its table has the keyboard, and Edit > Undo and Redo act on the active part; Help's shortcut list names
 * every binding, the parts' too.
 */
class DesktopConventionsTest {

    @TempDir
    Path data;

    private int stage;
    private final List<String> seen = new ArrayList<>();
    private String waitingFor = "";

    @Test
    void menusCommandsAndKeys() {
        Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(), WorkbenchSettings.SIM, "false");
        boolean done = TestWorkbench.run(settings, 60_000, this::step);
        assertTrue(done, "stopped at stage " + stage + "; saw " + seen + "; waiting for: " + waitingFor);
        assertEquals(List.of("menus", "window", "insert", "delete in an editor", "undo", "redo", "keys"), seen);
    }

    private boolean step(MApplication app) {
        IEclipseContext window = app.getChildren().get(0).getContext();
        EPartService parts = window.get(EPartService.class);
        ECommandService commands = window.get(ECommandService.class);
        EHandlerService handlers = window.get(EHandlerService.class);
        switch (stage) {
            case 0 -> {
                MMenu main = app.getChildren().get(0).getMainMenu();
                assertEquals(List.of("org.scizoo.ui.app.menu.file", "org.scizoo.ui.app.menu.edit",
                        "org.scizoo.ui.app.menu.window", "org.scizoo.ui.app.menu.help"), ids(main.getChildren()));
                List<String> edit = ids(menu(main, "edit").getChildren());
                assertTrue(
                        edit.containsAll(List.of("org.scizoo.ui.app.menuitem.undo", "org.scizoo.ui.app.menuitem.redo",
                                "org.scizoo.ui.app.menuitem.copy")),
                        edit.toString());
                List<String> windowMenu = ids(menu(main, "window").getChildren());
                assertTrue(windowMenu.containsAll(List.of("org.scizoo.scanlog.ui.menuitem.show",
                        "org.scizoo.config.ui.menuitem.show", "org.scizoo.hdf5.ui.menuitem.window.open",
                        "org.scizoo.ui.app.menuitem.preferences", "org.scizoo.ui.app.menuitem.resetlayout")),
                        windowMenu.toString());
                assertEquals("org.scizoo.scanlog.ui.menuitem.show", windowMenu.get(0), "the parts first");
                List<String> help = ids(menu(main, "help").getChildren());
                assertTrue(
                        help.containsAll(List.of("org.scizoo.ui.app.menuitem.guide", "org.scizoo.ui.app.menuitem.keys",
                                "org.scizoo.ui.app.menuitem.about")),
                        help.toString());
                assertTrue(ids(menu(main, "file").getChildren()).contains("org.scizoo.ui.app.menuitem.save"));
                seen.add("menus");
                handlers.executeHandler(commands.createCommand(WorkbenchCommands.SHOW_PART,
                        Map.of(WorkbenchCommands.SHOW_PART_ID, "org.scizoo.config.ui.part.scidog")));
                stage++;
            }
            case 1 -> {
                MPart active = parts.getActivePart();
                SciDogPart p = active != null && active.getObject() instanceof SciDogPart s ? s : null;
                waitingFor = "Window > SciDog active and loaded; active "
                        + (active == null ? null : active.getElementId());
                if (p != null && p.model() != null) {
                    seen.add("window");
                    NatTable table = Widgets.find((Composite) active.getWidget(), NatTable.class, t -> true);
                    table.notifyListeners(SWT.FocusIn, new Event()); // the table has the keyboard
                    table.notifyListeners(SWT.KeyDown, key(SWT.INSERT));
                    assertEquals(1, p.model().entries().size(), "Insert reached SciDog's add command");
                    seen.add("insert");
                    table.notifyListeners(SWT.FocusOut, new Event()); // a cell editor took the keyboard
                    table.notifyListeners(SWT.KeyDown, key(SWT.DEL));
                    assertEquals(1, p.model().entries().size(), "Delete is the editor's own while a cell is edited");
                    seen.add("delete in an editor");
                    var undo = commands.createCommand(WorkbenchCommands.UNDO, Map.of());
                    assertTrue(handlers.canExecute(undo), "Edit > Undo is enabled: SciDog can undo");
                    handlers.executeHandler(undo);
                    assertEquals(0, p.model().entries().size(), "Edit > Undo undid the insert");
                    seen.add("undo");
                    var redo = commands.createCommand(WorkbenchCommands.REDO, Map.of());
                    handlers.executeHandler(redo);
                    assertEquals(1, p.model().entries().size(), "Edit > Redo");
                    assertFalse(handlers.canExecute(commands.createCommand(WorkbenchCommands.COPY, Map.of())),
                            "SciDog copies nothing: Copy is off");
                    seen.add("redo");
                    stage++;
                }
            }
            case 2 -> {
                List<InfoDialogs.Row> keys = InfoDialogs.keyBindings(app);
                List<String> shown = keys.stream().map(r -> r.cells()[0] + " " + r.cells()[1]).toList();
                for (String expected : List.of("Insert SciDog: add a row", "Delete SciDog: remove rows",
                        "Ctrl+D SciDog: duplicate rows", "F5 SciDog: check rows", "Ctrl+Z Undo", "Ctrl+S Save",
                        "Shift+Ctrl+C Scanlog: copy PIDs", "Ctrl+O Open HDF5/NeXus file")) {
                    assertTrue(shown.contains(expected), expected + " in " + shown);
                }
                seen.add("keys");
                return true;
            }
            default -> {
            }
        }
        return false;
    }

    private static Event key(int code) {
        Event e = new Event();
        e.keyCode = code;
        return e;
    }

    private static MMenu menu(MMenu main, String name) {
        return (MMenu) main.getChildren().stream()
                .filter(m -> ("org.scizoo.ui.app.menu." + name).equals(m.getElementId()))
                .findFirst().orElseThrow();
    }

    private static List<String> ids(List<MMenuElement> elements) {
        return elements.stream().map(MMenuElement::getElementId).filter(id -> !id.contains(".separator.")).toList();
    }
}
