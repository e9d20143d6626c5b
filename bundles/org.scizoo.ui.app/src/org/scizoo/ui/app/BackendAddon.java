package org.scizoo.ui.app;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Starts the catalogue session when the workbench starts (in a job: the window opens at once and the
 * status line says "connecting…"), and stops it, flushing pending datasets, when the workbench closes.
 * A backend that cannot be opened is reported in a dialog; the workbench stays usable.
 */
public class BackendAddon {

    private CatalogService catalog;

    @PostConstruct
    void start(CatalogService catalog, UISynchronize sync) {
        this.catalog = catalog;
        Job job = Job.create("Opening the catalogue", (IProgressMonitor monitor) -> {
            try {
                WorkbenchSettings settings = WorkbenchSettings.fromSystemProperties();
                catalog.start(settings.backend(), settings.ingest());
                return Status.OK_STATUS;
            } catch (CatalogException | IllegalArgumentException e) {
                sync.asyncExec(() -> MessageDialog.openError(Display.getCurrent().getActiveShell(),
                        "SciZoo: the catalogue could not be opened", e.getMessage()
                                + "\n\nThe workbench stays open; restart it with another --data or --mongo-uri."));
                return new Status(IStatus.WARNING, "org.scizoo.ui.app", e.getMessage(), e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    @PreDestroy
    void stop() {
        if (catalog != null) {
            catalog.stop();
        }
    }
}
