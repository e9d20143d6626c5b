package org.scizoo.ui.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** File > Save (Ctrl+S): the active part's {@code @Persist}, when it has changes. */
public class SaveHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.isDirty();
    }

    @Execute
    void execute(EPartService parts, @Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        if (canExecute(part)) {
            parts.savePart(part, false);
        }
    }
}
