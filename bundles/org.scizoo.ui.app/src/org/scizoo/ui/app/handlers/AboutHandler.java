package org.scizoo.ui.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.scizoo.ui.app.InfoDialogs;

/** Help > About SciZoo Workbench: its version and every bundle's. */
public class AboutHandler {

    @Execute
    void execute(Shell shell) {
        Bundle app = FrameworkUtil.getBundle(AboutHandler.class);
        InfoDialogs.about(shell, app.getVersion().toString(), InfoDialogs.bundles(app.getBundleContext().getBundles()))
                .open();
    }
}
