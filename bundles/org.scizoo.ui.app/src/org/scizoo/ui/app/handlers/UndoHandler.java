package org.scizoo.ui.app.handlers;

import org.scizoo.ui.app.EditActions;

/** Edit > Undo: the active part's. */
public class UndoHandler extends PartEditHandler {

    @Override
    boolean can(EditActions part) {
        return part.canUndo();
    }

    @Override
    void run(EditActions part) {
        part.undo();
    }
}
