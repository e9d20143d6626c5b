package org.scizoo.ui.tests.scanlog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.scanlog.ui.ScanlogPart;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SharedData;
import org.scizoo.ui.app.JupyterPreferences;
import org.scizoo.ui.app.WorkbenchSettings;
import org.scizoo.ui.tests.TestWorkbench;
import org.scizoo.ui.tests.Widgets;

/**
 * *Open in Jupyter* from a Scanlog row's menu, in the real workbench: the notebook is written into the
 * notebooks' folder of the preferences and handed to the local Jupyter command, here Jupyter's own
 * {@code nbconvert --execute --inplace}, which runs it: the row's NeXus file (a real one) is plotted.
 */
class OpenInJupyterTest {

    private static final long TIMEOUT_MS = 120_000;
    private static final String PID = "20.500.12345/jupyter-example";

    @TempDir
    Path data;

    private int stage;
    private String waitingFor = "the Scanlog";
    private String said;

    @Test
    void aRowsNotebookIsWrittenAndRunByTheLocalJupyter() throws Exception {
        Path nexus = SharedData.file("nexus/example.nxs");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            Instant t = Instant.now().plusSeconds(3600); // newer than the simulated scans: the first row
            Dataset d = Dataset.builder().pid(PID).owner("Ada Lovelace").contactEmail("ada@example.org")
                    .sourceFolder(nexus.getParent().toString()).size(Files.size(nexus)).numberOfFiles(1)
                    .creationTime(t).datasetName("example scan").ownerGroup("p1").build();
            store.upsert(List.of(new CatalogEntry(d, List.of(new OrigDatablock(PID + "/orig-0", PID, Files.size(nexus),
                    null, "p1", List.of(), List.of(new DataFile("example.nxs", Files.size(nexus), t, null)))))));
        }
        Path notebooks = data.resolve("notebooks");
        Preferences prefs = JupyterPreferences.node();
        prefs.put(JupyterPreferences.FOLDER, notebooks.toString());
        prefs.put(JupyterPreferences.COMMAND, "/usr/bin/jupyter nbconvert --to notebook --execute --inplace");
        prefs.flush();
        try {
            Map<String, String> settings = Map.of(WorkbenchSettings.DATA, data.toString(),
                    WorkbenchSettings.SIM_INTERVAL, "1h");
            boolean done = TestWorkbench.run(settings, TIMEOUT_MS, model -> step(model, notebooks));
            assertTrue(done, "stopped at stage " + stage + ", waiting for " + waitingFor);
        } finally {
            prefs.remove(JupyterPreferences.FOLDER);
            prefs.remove(JupyterPreferences.COMMAND);
            prefs.flush();
        }
    }

    private boolean step(MApplication model, Path notebooks) {
        EModelService models = model.getContext().get(EModelService.class);
        MPart mpart = (MPart) models.find("org.scizoo.scanlog.ui.part.scanlog", model);
        if (mpart == null || !(mpart.getObject() instanceof ScanlogPart part)) {
            return false;
        }
        NatTable nat = part.table();
        if (said == null) { // the summary line until the Scanlog's next refresh
            said = Widgets.labelText(nat.getShell(), t -> t.startsWith("Wrote "));
        }
        switch (stage) {
            case 0 -> {
                if (part.rowCount() > 0 && part.cell(0, "pid").equals(PID)) {
                    // grid row 2 is the first scan (a header row, a filter row above it); column 1 the first column
                    nat.doCommand(new SelectRowsCommand(nat, 1, 2, false, false));
                    assertTrue(part.canCopy(), "the row is selected");
                    MenuItem open = Stream.of(nat.getMenu().getItems())
                            .filter(i -> i.getText().equals("Open in Jupyter")).findFirst().orElseThrow();
                    open.notifyListeners(SWT.Selection, new Event());
                    stage++;
                    waitingFor = "a notebook in " + notebooks + " that Jupyter ran";
                }
            }
            case 1 -> {
                waitingFor = "a notebook that Jupyter ran; seen: " + seen(nat, notebooks);
                String plotted = executed(notebooks);
                if (plotted != null) {
                    assertTrue(plotted.contains("example.nxs: plotted /entry/data/signal (101, 101)"), plotted);
                    waitingFor = "the Scanlog's summary";
                    stage++;
                }
            }
            case 2 -> {
                waitingFor = "the summary line to name the notebook";
                if (said != null) {
                    assertTrue(said.startsWith("Wrote " + notebooks) && said.contains("Jupyter started"), said);
                    return true;
                }
            }
            default -> {
                return true;
            }
        }
        return false;
    }

    /** The notebooks' folder, Jupyter's output and any dialog open: what a failure says. */
    private static String seen(NatTable nat, Path notebooks) {
        StringBuilder b = new StringBuilder();
        for (org.eclipse.swt.widgets.Shell s : nat.getDisplay().getShells()) {
            if (s.isVisible() && s.getText().startsWith("SciZoo:")) {
                b.append("dialog ").append(s.getText()).append(Widgets.labelTexts(s)).append("; ");
            }
        }
        if (Files.isDirectory(notebooks)) {
            try (Stream<Path> files = Files.list(notebooks)) {
                for (Path f : files.toList()) {
                    b.append(f.getFileName());
                    if (f.toString().endsWith(".log")) {
                        b.append(": ").append(Files.readString(f));
                    }
                    b.append("; ");
                }
            } catch (IOException e) {
                b.append(e);
            }
        } else {
            b.append("no folder ").append(notebooks).append("; the labels: ")
                    .append(Widgets.labelTexts(nat.getShell()));
        }
        return b.toString();
    }

    /** What the executed notebook printed, once Jupyter has run it (its outputs filled in); else null. */
    private static String executed(Path notebooks) {
        if (!Files.isDirectory(notebooks)) {
            return null;
        }
        try (Stream<Path> files = Files.list(notebooks)) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                StringBuilder printed = new StringBuilder();
                boolean image = false;
                for (Document cell : Document.parse(Files.readString(nb)).getList("cells", Document.class)) {
                    for (Document out : cell.getList("outputs", Document.class, List.of())) {
                        if ("stream".equals(out.getString("output_type"))) {
                            printed.append(String.join("", out.getList("text", String.class)));
                        }
                        image |= out.get("data", Document.class) != null
                                && out.get("data", Document.class).containsKey("image/png");
                    }
                }
                if (image && printed.toString().contains(PID)) {
                    return printed.toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // being written: looked at again in 100 ms
        }
        return null;
    }
}
