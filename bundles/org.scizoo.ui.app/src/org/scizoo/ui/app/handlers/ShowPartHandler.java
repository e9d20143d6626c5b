package org.scizoo.ui.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.scizoo.ui.app.WorkbenchCommands;

import jakarta.inject.Named;

/** Window > Scanlog, SciDog, …: shows and activates the part named by the command's parameter. */
public class ShowPartHandler {

    @CanExecute
    boolean canExecute(EPartService parts, @Optional @Named(WorkbenchCommands.SHOW_PART_ID) String id) {
        return id != null && parts.findPart(id) != null;
    }

    @Execute
    void execute(EPartService parts, @Named(WorkbenchCommands.SHOW_PART_ID) String id) {
        parts.showPart(id, PartState.ACTIVATE);
    }
}
