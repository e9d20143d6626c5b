package org.scizoo.ui.app;

/**
 * What a part offers to the Edit menu and its keys (Undo, Redo, Copy): the workbench's handlers ask the
 * active part, so each menu item is enabled exactly where the part can do it. A plug-in's part implements
 * it to join in; the defaults say "cannot".
 */
public interface EditActions {

    default boolean canUndo() {
        return false;
    }

    default void undo() {
    }

    default boolean canRedo() {
        return false;
    }

    default void redo() {
    }

    default boolean canCopy() {
        return false;
    }

    /** Copies what is selected to the clipboard. */
    default void copy() {
    }
}
