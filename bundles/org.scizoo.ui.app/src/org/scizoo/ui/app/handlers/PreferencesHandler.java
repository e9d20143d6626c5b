package org.scizoo.ui.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.ui.app.PreferencesDialog;
import org.scizoo.ui.app.WorkbenchBackend;

/** Window > Preferences. */
public class PreferencesHandler {

    @Execute
    void execute(Shell shell, WorkbenchBackend backend, UISynchronize sync) {
        PreferencesDialog.open(shell, backend, sync);
    }
}
