package org.scizoo.ui.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.scizoo.ui.app.EditActions;

import jakarta.inject.Named;

/** Undo, Redo or Copy of the active part, when it is an {@link EditActions} that can. */
abstract class PartEditHandler {

    abstract boolean can(EditActions part);

    abstract void run(EditActions part);

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof EditActions e && can(e);
    }

    @Execute
    void execute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        if (canExecute(part)) {
            run((EditActions) part.getObject());
        }
    }
}
