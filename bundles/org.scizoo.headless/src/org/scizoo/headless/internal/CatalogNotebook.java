package org.scizoo.headless.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;
import org.scizoo.jupyter.JupyterTarget;
import org.scizoo.jupyter.NotebookDataset;
import org.scizoo.jupyter.Notebooks;

/**
 * {@code scizoo catalog notebook PID… [--out FILE] [--jupyterhub URL --hub-home DIR]}: a Jupyter notebook on
 * those datasets ({@link Notebooks}), and with a hub the address that opens it there.
 */
final class CatalogNotebook {

    static final Set<String> OPTIONS = Set.of("out", "jupyterhub", "hub-home");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private CatalogNotebook() {
    }

    static int run(CatalogStore store, Args args, PrintStream out, PrintStream err)
            throws UsageException, CatalogException {
        List<String> pids = args.positional().subList(1, args.positional().size());
        if (pids.isEmpty()) {
            throw new UsageException("name the datasets: scizoo catalog notebook PID…");
        }
        JupyterTarget target = target(args);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path file = Path.of(args.value("out") != null ? args.value("out")
                : (target.isHub() ? target.hubHome().toString() : ".") + "/scizoo-" + STAMP.format(now) + ".ipynb");
        if (target.isHub()) {
            target.hubUrl(file); // a file the hub cannot see is refused before anything is written
        }
        List<NotebookDataset> datasets = Notebooks.load(store, pids);
        try {
            Notebooks.write(datasets, now, file);
        } catch (IOException e) {
            err.println("scizoo catalog notebook: cannot write " + file + ": " + e.getMessage());
            return CliCommand.FAILED;
        }
        out.println("wrote " + file + " (" + datasets.size() + (datasets.size() == 1 ? " dataset)" : " datasets)"));
        out.println(target.isHub() ? "open " + target.hubUrl(file)
                : "open it with: " + String.join(" ", target.localCommandFor(file)));
        return CliCommand.OK;
    }

    private static JupyterTarget target(Args args) throws UsageException {
        String hub = args.value("jupyterhub");
        String home = args.value("hub-home");
        if (hub == null) {
            if (home != null) {
                throw new UsageException("--hub-home goes with --jupyterhub URL");
            }
            return JupyterTarget.local(null);
        }
        if (home == null) {
            throw new UsageException("--jupyterhub needs --hub-home DIR: the folder of this computer that the hub's"
                    + " user servers see as their root");
        }
        try {
            return JupyterTarget.hub(new URI(hub), Path.of(home));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("--jupyterhub: " + e.getMessage());
        }
    }
}
