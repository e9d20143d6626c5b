package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.UsageException;

/** {@code scizoo ingest}: runs scan sources into the catalogue without a display. */
@Component(service = CliCommand.class)
public class IngestCommand implements CliCommand {

    private final CatalogService catalog;

    @Activate
    public IngestCommand(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "run scan sources (--sim: the simulated beamline) into the catalogue";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo ingest --sim [--sim-interval T] [--duration T] [--quiet]
                                     [--data DIR | --mongo-uri URI]

                Records scans into the catalogue until --duration has passed (default: until stopped
                with Ctrl-C / SIGTERM), printing each stored dataset.
                  --sim               the simulated SAXS beamline
                  --sim-interval T    a scan every T (default 3s; e.g. 500ms, 2s)
                  --duration T        stop after T (e.g. 10s, 5m)
                  --quiet             print only the summary
                  --data DIR          the data folder of the embedded catalogue
                                      (default: ~/.local/share/scizoo)
                  --mongo-uri URI     a shared MongoDB instead, e.g. mongodb://host:27017/scicat
                  --connect-timeout T give up on the store after T (default 5s)""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argList, Args.with(Args.BACKEND_OPTIONS, "sim-interval", "duration"),
                Set.of("sim", "quiet"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        if (!args.flag("sim")) {
            throw new UsageException("no source given: use --sim (Sardana and file sources come as plug-ins)");
        }
        Duration interval = args.duration("sim-interval", Duration.ofSeconds(3));
        Duration duration = args.duration("duration", null);
        boolean quiet = args.flag("quiet");
        AtomicLong stored = new AtomicLong();
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM / Ctrl-C the JVM waits for shutdown hooks only: the flush must happen in the hook.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            catalog.stop();
        }, "scizoo-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (AutoCloseable l = catalog.onDatasets(batch -> {
            stored.addAndGet(batch.size());
            if (!quiet) {
                batch.forEach(d -> out.println(line(d)));
            }
        })) {
            catalog.start(args.backend(), IngestOptions.simulated(interval.toMillis() + "ms"));
            out.println("ingesting into " + catalog.status().backend() + (duration == null ? " until stopped"
                    : " for " + duration.toMillis() / 1000.0 + " s"));
            if (duration == null) {
                stopped.await();
            } else {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            catalog.stop();
            out.println("stored " + stored.get() + " datasets");
            return OK;
        } catch (CatalogException e) {
            err.println("scizoo ingest: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            catalog.stop();
            return FAILED;
        } catch (Exception e) {
            err.println("scizoo ingest: " + e.getMessage());
            return FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; nothing to remove
            }
        }
    }

    private static String line(Dataset d) {
        MetadataValue t01 = d.metadata("T01");
        return "stored " + d.pid() + "  " + d.datasetName() + "  " + d.description()
                + (t01 == null ? "" : "  T01=" + t01.display());
    }
}
