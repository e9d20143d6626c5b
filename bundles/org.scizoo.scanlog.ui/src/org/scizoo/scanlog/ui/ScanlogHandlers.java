package org.scizoo.scanlog.ui;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;

/**
 * The Scanlog part's own commands (fragment.e4xmi: its toolbar and its table's keys), each a handler of the
 * part: they act on the part they belong to.
 */
public final class ScanlogHandlers {

    private ScanlogHandlers() {
    }

    abstract static class OnPart {
        abstract void run(ScanlogPart part);

        @CanExecute
        boolean canExecute(MPart part) {
            return part.getObject() instanceof ScanlogPart;
        }

        @Execute
        void execute(MPart part) {
            if (canExecute(part)) {
                run((ScanlogPart) part.getObject());
            }
        }
    }

    /** Columns…: choose, order and hide them. */
    public static final class Columns extends OnPart {
        @Override
        void run(ScanlogPart part) {
            part.setShownColumnsFromDialog();
        }
    }

    /** CSV…: the selected scans, or all shown. */
    public static final class Csv extends OnPart {
        @Override
        void run(ScanlogPart part) {
            part.actionsExportCsv();
        }
    }

    /** Elogy…: the selected scans as an entry. */
    public static final class Elogy extends OnPart {
        @Override
        void run(ScanlogPart part) {
            part.actionsElogy();
        }
    }

    /** Ctrl+Shift+C: the selected scans' pids. */
    public static final class CopyPids extends OnPart {
        @Override
        void run(ScanlogPart part) {
            part.copy();
        }
    }
}
