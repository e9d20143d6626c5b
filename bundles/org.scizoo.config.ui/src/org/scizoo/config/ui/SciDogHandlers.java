package org.scizoo.config.ui;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;

/**
 * The SciDog part's own commands (fragment.e4xmi: its toolbar and its table's keys), each a handler of the
 * part: they act on the part they belong to, once its configuration is loaded.
 */
public final class SciDogHandlers {

    private SciDogHandlers() {
    }

    abstract static class OnPart {
        abstract void run(SciDogPart part);

        @CanExecute
        boolean canExecute(MPart part) {
            return part.getObject() instanceof SciDogPart p && p.model() != null;
        }

        @Execute
        void execute(MPart part) {
            if (canExecute(part)) {
                run((SciDogPart) part.getObject());
            }
        }
    }

    /** Insert: a row after the selection. */
    public static final class Add extends OnPart {
        @Override
        void run(SciDogPart part) {
            part.addRow();
        }
    }

    /** Delete: the selected rows. */
    public static final class Remove extends OnPart {
        @Override
        void run(SciDogPart part) {
            part.removeRows();
        }
    }

    /** Ctrl+D. */
    public static final class Duplicate extends OnPart {
        @Override
        void run(SciDogPart part) {
            part.duplicateRows();
        }
    }

    /** Alt+Up. */
    public static final class MoveUp extends OnPart {
        @Override
        void run(SciDogPart part) {
            part.moveRows(-1);
        }
    }

    /** Alt+Down. */
    public static final class MoveDown extends OnPart {
        @Override
        void run(SciDogPart part) {
            part.moveRows(1);
        }
    }

    /** F5: every row read once from its device. */
    public static final class Check extends OnPart {
        @Override
        void run(SciDogPart part) {
            part.checkNow();
        }
    }
}
