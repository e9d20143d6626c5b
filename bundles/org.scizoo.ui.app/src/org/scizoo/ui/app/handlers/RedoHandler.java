package org.scizoo.ui.app.handlers;

import org.scizoo.ui.app.EditActions;

/** Edit > Redo: the active part's. */
public class RedoHandler extends PartEditHandler {

    @Override
    boolean can(EditActions part) {
        return part.canRedo();
    }

    @Override
    void run(EditActions part) {
        part.redo();
    }
}
