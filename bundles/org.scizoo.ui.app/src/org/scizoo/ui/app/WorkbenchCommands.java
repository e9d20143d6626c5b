package org.scizoo.ui.app;

/** The ids of the workbench's own commands and binding contexts (Application.e4xmi), for parts and plug-ins. */
public final class WorkbenchCommands {

    public static final String UNDO = "org.scizoo.ui.app.command.undo";
    public static final String REDO = "org.scizoo.ui.app.command.redo";
    public static final String COPY = "org.scizoo.ui.app.command.copy";
    public static final String SAVE = "org.scizoo.ui.app.command.save";
    public static final String SHOW_PART = "org.scizoo.ui.app.command.showpart";
    /** The part to show, by its element id. */
    public static final String SHOW_PART_ID = "org.scizoo.ui.app.command.showpart.id";
    public static final String RESET_LAYOUT = "org.scizoo.ui.app.command.resetlayout";
    public static final String PREFERENCES = "org.scizoo.ui.app.command.preferences";
    public static final String KEYS = "org.scizoo.ui.app.command.keys";
    public static final String GUIDE = "org.scizoo.ui.app.command.guide";
    public static final String ABOUT = "org.scizoo.ui.app.command.about";

    /**
     * Active while a part's table has the keyboard (not while a cell is edited): Undo, Redo and Copy keys
     * are bound there, so text fields and cell editors keep their own. Parts activate a child of it.
     */
    public static final String TABLE_CONTEXT = "org.scizoo.ui.app.context.table";

    private WorkbenchCommands() {
    }
}
