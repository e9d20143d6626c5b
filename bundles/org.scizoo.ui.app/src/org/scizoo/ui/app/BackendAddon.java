package org.scizoo.ui.app;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Makes sure the catalogue session runs while the workbench is open (see {@link WorkbenchBackend}) and
 * stops it, flushing pending datasets, when the workbench closes. A backend that cannot be opened is
 * reported in a dialog and on the status line; the workbench stays usable.
 */
public class BackendAddon {

    private WorkbenchBackend backend;

    @PostConstruct
    void start(WorkbenchBackend backend, UISynchronize sync) {
        this.backend = backend;
        backend.ensureStarted().whenComplete((ok, failure) -> {
            if (failure != null) {
                sync.asyncExec(() -> MessageDialog.openError(Display.getCurrent().getActiveShell(),
                        "SciZoo: the catalogue could not be opened", failure.getMessage()
                                + "\n\nThe workbench stays open; restart it with another --data or --mongo-uri."));
            }
        });
    }

    @PreDestroy
    void stop() {
        if (backend != null) {
            backend.stop();
        }
    }
}
