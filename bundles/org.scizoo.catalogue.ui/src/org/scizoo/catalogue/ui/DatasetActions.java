package org.scizoo.catalogue.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.ui.app.OpenInJupyter;
import org.scizoo.ui.app.WorkbenchBackend;

/**
 * What the Catalogue's buttons do with the selected hits and the shown page: copy pids and paths, open the
 * data files in the HDF5 inspector and the scan in the Scanlog (through their e4 commands, when those
 * bundles are installed), and Open in Jupyter. Each says what it did, or why not, on the part's line.
 */
final class DatasetActions {

    /** The part's message line. */
    interface Line {
        void say(String text);

        void problem(String text);
    }

    private static final String OPEN_HDF5 = "org.scizoo.hdf5.ui.command.open";
    private static final String OPEN_HDF5_FILE = "org.scizoo.hdf5.ui.command.open.file";
    private static final String REVEAL = "org.scizoo.scanlog.ui.command.reveal";
    private static final String REVEAL_PID = "org.scizoo.scanlog.ui.command.reveal.pid";

    private final ECommandService commands;
    private final EHandlerService handlers;
    private final UISynchronize sync;
    private final WorkbenchBackend backend;
    private final Line line;

    DatasetActions(ECommandService commands, EHandlerService handlers, UISynchronize sync, WorkbenchBackend backend,
            Line line) {
        this.commands = commands;
        this.handlers = handlers;
        this.sync = sync;
        this.backend = backend;
        this.line = line;
    }

    void copyPids(Shell shell, List<String> pids) {
        if (pids.isEmpty()) {
            line.say("Select datasets to copy their pids");
            return;
        }
        copy(shell, String.join("\n", pids), pids.size() == 1 ? pids.get(0) : pids.size() + " pids");
    }

    void copy(Shell shell, String text, String what) {
        if (text.isEmpty()) {
            line.say("Nothing to copy");
            return;
        }
        Clipboard clipboard = new Clipboard(shell.getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        line.say("Copied " + what);
    }

    /** The dataset selected in the Scanlog, where one is installed. */
    void showInScanlog(String pid) {
        if (pid == null) {
            line.say("Select a dataset to show it in the Scanlog");
        } else if (!defined(REVEAL)) {
            line.problem("No Scanlog is installed");
        } else {
            handlers.executeHandler(commands.createCommand(REVEAL, Map.of(REVEAL_PID, pid)));
        }
    }

    void openInJupyter(Shell shell, List<String> pids) {
        if (pids.isEmpty()) {
            line.say("Select datasets to open them in Jupyter");
            return;
        }
        try {
            OpenInJupyter.open(shell, sync, backend.catalog().store(), pids, line::say);
        } catch (CatalogException e) {
            line.problem(e.getMessage());
        }
    }

    /** Each file that is on this computer, in the HDF5 inspector; the others named. */
    void openFiles(List<String> paths) {
        if (!defined(OPEN_HDF5)) {
            line.problem("No HDF5 inspector is installed");
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String p : paths) {
            if (Files.isRegularFile(Path.of(p))) {
                handlers.executeHandler(commands.createCommand(OPEN_HDF5, Map.of(OPEN_HDF5_FILE, p)));
            } else {
                missing.add(p);
            }
        }
        if (paths.isEmpty()) {
            line.say("The dataset lists no files");
        } else if (!missing.isEmpty()) {
            line.say("Not files on this computer: " + String.join(", ", missing));
        }
    }

    private boolean defined(String command) {
        return commands.getCommand(command) != null && commands.getCommand(command).isDefined();
    }
}
