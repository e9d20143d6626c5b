package org.scizoo.ui.app.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.ui.app.SavedLayout;
import org.scizoo.ui.app.WorkbenchLifeCycle;

/**
 * Window > Reset layout: the window goes back to SciZoo's own layout at a restart (asked first); the
 * current one is kept aside, not deleted, as {@code workbench.xmi.earlier-version}.
 */
public class ResetLayoutHandler {

    @Execute
    void execute(Shell shell, IWorkbench workbench) {
        Optional<Path> saved = WorkbenchLifeCycle.savedModel();
        if (saved.isEmpty()) {
            MessageDialog.openInformation(shell, "Reset layout", "This workbench keeps no layout (no data folder):"
                    + " it starts with SciZoo's own every time.");
            return;
        }
        if (!MessageDialog.openQuestion(shell, "Reset layout", "Restart the workbench with SciZoo's own window"
                + " layout? The current one is kept aside. Unsaved changes are asked about first.")) {
            return;
        }
        try {
            SavedLayout.resetAtNextStart(saved.get());
        } catch (IOException e) {
            MessageDialog.openError(shell, "Reset layout", "Could not mark the layout for a reset: " + e.getMessage()
                    + "\nStart the workbench with ./scizoo --reset-layout instead.");
            return;
        }
        workbench.restart();
    }
}
