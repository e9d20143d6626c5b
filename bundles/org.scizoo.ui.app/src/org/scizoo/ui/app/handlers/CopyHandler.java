package org.scizoo.ui.app.handlers;

import org.scizoo.ui.app.EditActions;

/** Edit > Copy: the active part's. */
public class CopyHandler extends PartEditHandler {

    @Override
    boolean can(EditActions part) {
        return part.canCopy();
    }

    @Override
    void run(EditActions part) {
        part.copy();
    }
}
