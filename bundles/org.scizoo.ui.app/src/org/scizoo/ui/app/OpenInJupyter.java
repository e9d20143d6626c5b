package org.scizoo.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Shell;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.jupyter.JupyterTarget;
import org.scizoo.jupyter.NotebookDataset;
import org.scizoo.jupyter.Notebooks;

/**
 * *Open in Jupyter*: a notebook on the chosen datasets written into the notebooks' folder, then opened in
 * the configured JupyterHub (the browser, at the hub's address of the file) or by the local Jupyter command.
 * Runs as a job; what went wrong is said with the notebook's path, which stays written.
 */
public final class OpenInJupyter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());
    /** A local Jupyter that fails at once (no such command, no kernel) does so within this. */
    private static final long EARLY_EXIT_MS = 3000;

    private OpenInJupyter() {
    }

    /** @param said one line for the part's status (what was written and where it opens) */
    public static void open(Shell shell, UISynchronize sync, CatalogStore store, List<String> pids,
            Consumer<String> said) {
        Job job = Job.create("Opening " + pids.size() + " dataset(s) in Jupyter", monitor -> {
            JupyterPreferences.Settings settings;
            Path file = null;
            try {
                settings = JupyterPreferences.load();
                List<NotebookDataset> datasets = Notebooks.load(store, pids);
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                file = settings.folder().resolve("scizoo-" + STAMP.format(now) + ".ipynb");
                Notebooks.write(datasets, now, file);
                String where = launch(settings.target(), file);
                Path written = file;
                sync.asyncExec(() -> said.accept("Wrote " + written + "; " + where));
                return Status.OK_STATUS;
            } catch (IllegalArgumentException | CatalogException | IOException e) {
                String reason = (file == null ? "" : "The notebook is at " + file + ".\n\n") + e.getMessage()
                        + "\n\nWindow > Preferences > Jupyter says where notebooks open.";
                sync.asyncExec(() -> MessageDialog.openError(shell, "SciZoo: Open in Jupyter", reason));
                return new Status(IStatus.WARNING, "org.scizoo.ui.app", e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }

    private static String launch(JupyterTarget target, Path file) throws IOException {
        if (target.isHub()) {
            String url = target.hubUrl(file).toString();
            if (!Program.launch(url)) {
                throw new IOException("no web browser opened " + url + " (copy it into one)");
            }
            return "opened " + url;
        }
        List<String> command = target.localCommandFor(file);
        Path log = file.resolveSibling(file.getFileName() + ".jupyter.log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(file.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("'" + String.join(" ", command.subList(0, command.size() - 1))
                    + "' could not be started: " + e.getMessage() + " (is Jupyter installed?)", e);
        }
        try {
            if (p.waitFor(EARLY_EXIT_MS, TimeUnit.MILLISECONDS) && p.exitValue() != 0) {
                throw new IOException(command.get(0) + " exited " + p.exitValue() + ": " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "Jupyter started on it (its output: " + log + ")";
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        return text.length() > 600 ? "…" + text.substring(text.length() - 600) : text;
    }
}
