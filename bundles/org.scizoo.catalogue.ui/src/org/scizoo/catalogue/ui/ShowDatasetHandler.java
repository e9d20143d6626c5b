package org.scizoo.catalogue.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** *Show in catalogue* (the Scanlog's): brings the Catalogue forward with the page of the command's pid. */
public class ShowDatasetHandler {

    public static final String PID = "org.scizoo.catalogue.ui.command.show.pid";

    @Execute
    public void execute(EPartService parts, @Optional @Named(PID) String pid) {
        MPart part = parts.showPart("org.scizoo.catalogue.ui.part.catalogue", EPartService.PartState.ACTIVATE);
        if (pid != null && part != null && part.getObject() instanceof CataloguePart catalogue) {
            catalogue.showDataset(pid);
        }
    }
}
