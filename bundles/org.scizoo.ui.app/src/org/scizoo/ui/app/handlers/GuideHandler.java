package org.scizoo.ui.app.handlers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.ui.app.InfoDialogs;

/**
 * Help > User guide (F1): docs/user-guide.md of the SciZoo this workbench was started from (the launcher
 * says where, {@code scizoo.docs}); the text as it is, to read beside the work.
 */
public class GuideHandler {

    /** The docs folder, set by the launcher. */
    public static final String DOCS = "scizoo.docs";

    @Execute
    void execute(Shell shell) {
        String docs = System.getProperty(DOCS);
        Path guide = docs == null ? null : Path.of(docs, "user-guide.md");
        if (guide == null || !Files.isReadable(guide)) {
            MessageDialog.openInformation(shell, "User guide", "The user guide is docs/user-guide.md in SciZoo's"
                    + " folder" + (guide == null ? "" : " (not found at " + guide + ")") + "; start the workbench"
                    + " with ./scizoo to have it here.");
            return;
        }
        try {
            InfoDialogs.text(shell, "User guide — " + guide, Files.readString(guide, StandardCharsets.UTF_8)).open();
        } catch (IOException e) {
            MessageDialog.openError(shell, "User guide", "Could not read " + guide + ": " + e.getMessage());
        }
    }
}
