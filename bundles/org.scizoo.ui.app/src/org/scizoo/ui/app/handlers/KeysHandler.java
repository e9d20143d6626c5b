package org.scizoo.ui.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.ui.app.InfoDialogs;

/** Help > Keyboard shortcuts: every key binding of the application model (the plug-ins' too). */
public class KeysHandler {

    @Execute
    void execute(Shell shell, MApplication app) {
        InfoDialogs.keys(shell, InfoDialogs.keyBindings(app)).open();
    }
}
