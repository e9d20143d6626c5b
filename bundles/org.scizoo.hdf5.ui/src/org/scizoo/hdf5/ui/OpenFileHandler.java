package org.scizoo.hdf5.ui;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * File > Open HDF5/NeXus file… (Ctrl+O): several files at once, each in an inspector of its own. With the
 * command's file parameter (the Scanlog's "Open data file", Open Recent) that file, without a dialog.
 */
public class OpenFileHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) @Optional Shell shell, MApplication app,
            @Optional @Named(Hdf5Editors.FILE_PARAMETER) String file) {
        if (file != null && !file.isBlank()) {
            Hdf5Editors.open(Path.of(file), app);
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        dialog.setText("SciZoo: Open HDF5/NeXus files");
        dialog.setFilterExtensions(Hdf5Editors.EXTENSIONS);
        dialog.setFilterNames(new String[] { "HDF5 and NeXus files", "All files" });
        if (dialog.open() == null) {
            return;
        }
        for (String name : dialog.getFileNames()) {
            Hdf5Editors.open(Path.of(dialog.getFilterPath(), name), app);
        }
    }
}
