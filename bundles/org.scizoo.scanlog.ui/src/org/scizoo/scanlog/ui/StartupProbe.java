package org.scizoo.scanlog.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@code scizoo bench startup}: when {@code scizoo.bench.firstPaintFile} is set, the wall-clock time
 * of the Scanlog's first paint with rows is written there, and with {@code scizoo.bench.exit=true} the
 * workbench then closes. Inert otherwise.
 */
final class StartupProbe {

    static final String FILE_PROPERTY = "scizoo.bench.firstPaintFile";
    static final String EXIT_PROPERTY = "scizoo.bench.exit";

    private final Path file;
    private final boolean exit;
    private final Runnable closeWorkbench;
    private boolean done;

    StartupProbe(Runnable closeWorkbench) {
        String f = System.getProperty(FILE_PROPERTY);
        this.file = f == null || f.isBlank() ? null : Path.of(f);
        this.exit = Boolean.getBoolean(EXIT_PROPERTY);
        this.closeWorkbench = closeWorkbench;
    }

    void painted(boolean withRows) {
        if (file == null || done || !withRows) {
            return;
        }
        done = true;
        try {
            Files.writeString(file, Long.toString(System.currentTimeMillis()));
        } catch (IOException e) {
            System.err.println("scizoo bench: cannot write " + file + ": " + e.getMessage());
        }
        if (exit) {
            org.eclipse.swt.widgets.Display.getCurrent().asyncExec(closeWorkbench);
        }
    }
}
