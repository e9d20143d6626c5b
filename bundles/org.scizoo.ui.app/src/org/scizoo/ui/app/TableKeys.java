package org.scizoo.ui.app;

import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/**
 * A part's table keys: while the table has the keyboard, {@link WorkbenchCommands#TABLE_CONTEXT} and the
 * part's own context are active, so their bindings (Undo, Copy, Insert, …) apply; a cell editor or a text
 * field that takes the keyboard keeps its own keys.
 */
public final class TableKeys {

    private TableKeys() {
    }

    public static void follow(Control table, EContextService contexts, String partContext) {
        table.addListener(SWT.FocusIn, e -> {
            contexts.activateContext(WorkbenchCommands.TABLE_CONTEXT);
            contexts.activateContext(partContext);
        });
        table.addListener(SWT.FocusOut, e -> {
            contexts.deactivateContext(partContext);
            contexts.deactivateContext(WorkbenchCommands.TABLE_CONTEXT);
        });
    }
}
