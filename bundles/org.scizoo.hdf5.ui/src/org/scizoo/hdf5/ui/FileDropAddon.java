package org.scizoo.hdf5.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * HDF5 files dropped anywhere on the main window (where no part takes the drop itself) open in the inspector.
 */
public class FileDropAddon {

    @Inject
    private MApplication app;

    @Inject
    @Optional
    public void windowShown(@org.eclipse.e4.ui.di.UIEventTopic(UIEvents.UIElement.TOPIC_WIDGET) Event event) {
        if (event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MWindow window
                && window.getWidget() instanceof Shell shell
                && shell.getData(FileDropAddon.class.getName()) == null) {
            shell.setData(FileDropAddon.class.getName(), Boolean.TRUE);
            FileDrop.onto(shell, files -> files.forEach(f -> Hdf5Editors.open(f, app)));
        }
    }
}
