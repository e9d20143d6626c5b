package org.scizoo.scanlog.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** *Show in Scanlog* (the Catalogue's): brings the Scanlog forward with the scan of the command's pid selected. */
public class RevealHandler {

    public static final String PID = "org.scizoo.scanlog.ui.command.reveal.pid";

    @Execute
    public void execute(EPartService parts, @Optional @Named(PID) String pid) {
        MPart part = parts.showPart("org.scizoo.scanlog.ui.part.scanlog", EPartService.PartState.ACTIVATE);
        if (pid != null && part != null && part.getObject() instanceof ScanlogPart scanlog) {
            scanlog.reveal(pid);
        }
    }
}
