package org.scizoo.hdf5.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * The main window's HDF5 files: those named at start ({@code ./scizoo --open FILE}, the system property
 * {@code scizoo.open}, paths separated by the path separator) and those dropped anywhere on the window
 * (where no part takes the drop itself) open in the inspector.
 */
public class WindowFilesAddon {

    /** Files to open at start. */
    public static final String OPEN_PROPERTY = "scizoo.open";

    @Inject
    private MApplication app;

    @Inject
    @Optional
    public void windowShown(@org.eclipse.e4.ui.di.UIEventTopic(UIEvents.UIElement.TOPIC_WIDGET) Event event) {
        if (event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MWindow window
                && window.getWidget() instanceof Shell shell
                && shell.getData(WindowFilesAddon.class.getName()) == null) {
            shell.setData(WindowFilesAddon.class.getName(), Boolean.TRUE);
            FileDrop.onto(shell, files -> files.forEach(f -> Hdf5Editors.open(f, app)));
            String atStart = System.getProperty(OPEN_PROPERTY, "");
            if (!atStart.isBlank()) {
                shell.getDisplay().asyncExec(() -> {
                    for (String file : atStart.split(java.io.File.pathSeparator)) {
                        Hdf5Editors.open(java.nio.file.Path.of(file), app);
                    }
                });
            }
        }
    }
}
