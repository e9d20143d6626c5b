package org.scizoo.headless.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.headless.Args;
import org.scizoo.headless.CliCommand;
import org.scizoo.headless.HealthEndpoint;
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
        return "run scan sources (--sim, --door: a Sardana Door) into the catalogue";
    }

    @Override
    public String usage() {
        return """
                usage: scizoo ingest (--sim [--sim-interval T] | --door DEVICE | --watch DIR [--pattern GLOB,…]
                                     [--quiet-period T]) [--instrument NAME] [--proposal ID] [--time-zone ZONE]
                                     [--user-office URL | --proposals-file FILE]
                                     [--kafka HOST:PORT [--topic NAME]] [--duration T]
                                     [--quiet] [--status-every T] [--health-port N] [--config FILE]
                                     [--data DIR | --mongo-uri URI]

                Records scans into the catalogue until --duration has passed (default: until stopped
                with Ctrl-C / SIGTERM), printing each stored dataset. With a SciDog configuration saved
                for the instrument (scizoo config import), its Tango attributes are read with every scan.
                  --sim               the simulated SAXS beamline
                  --sim-interval T    a scan every T (default 3s; e.g. 500ms, 2s)
                  --door DEVICE       SciFish: the scans of this Sardana Door (a Tango device name, or
                                      tango://host:port/domain/family/member)
                  --watch DIR         SciFly: catalogue each finished analyser file under DIR (Scienta SES
                                      .txt/.ibw/.pxt/.zip, SPECS Prodigy .xy/.itx, SpecsLab .xml, and any
                                      format a plug-in adds); files written before start are caught up, each
                                      file is done once (journal DIR/.scifly-ingested.tsv)
                  --pattern GLOB,…    only files whose names match (e.g. '*.txt,*.xy'; default: all known)
                  --quiet-period T    a file is finished when unchanged for T (default 2s)
                  --instrument NAME   the beamline of the scans (default: the Door's domain; scifly)
                  --proposal ID       the proposal the scans belong to
                  --time-zone ZONE    the beamline computers' time zone (e.g. Europe/Stockholm), for the
                                      times a Door and SES analyser files write without one (default:
                                      this machine's; set it on a server that runs in UTC)
                  --user-office URL   look proposals up at URL/proposals/ID (token: $SCIZOO_USER_OFFICE_TOKEN),
                                      kept offline under --data DIR/proposals for when it cannot be reached
                  --proposals-file F  or in a JSON file {"proposals": […]}
                  --kafka HOST:PORT   send the datasets to Kafka (for `scizoo consume` to store) instead
                                      of writing them to the catalogue here
                  --topic NAME        the Kafka topic (default scizoo.catalog.v1)
                  --duration T        stop after T (e.g. 10s, 5m)
                  --quiet             print only the summary
                  --status-every T    a status line every T (default 10s): sent/stored, waiting, problems,
                                      sources down (a Door not reachable, a watched folder gone)
                  --health-port N     answer GET http://127.0.0.1:N/health with JSON (200 up; 503 trouble:
                                      the store failing or a source down)
                  --mongo-user NAME   log in to MongoDB as NAME (password: $SCIZOO_MONGO_PASSWORD)
                  --kafka-user NAME   log in to Kafka with SASL as NAME (password: $SCIZOO_KAFKA_PASSWORD)
                  --kafka-sasl-mechanism M  PLAIN (default), SCRAM-SHA-256 or SCRAM-SHA-512
                  --config FILE       the same options as a properties file (kafka = host:9092, sim = true);
                                      options on the command line win
                  --data DIR          the data folder of the embedded catalogue
                                      (default: ~/.local/share/scizoo)
                  --mongo-uri URI     a shared MongoDB instead, e.g. mongodb://host:27017/scicat
                  --connect-timeout T give up on the store after T (default 5s)
                Exit codes: 0 done, 1 failed, 2 wrong options, 3 stopped with datasets not yet delivered
                (kept in the Kafka outbox under --data for the next run), 143 stopped by SIGTERM.""";
    }

    @Override
    public int run(List<String> argList, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parseWithConfigFile(argList,
                Args.with(Args.with(Args.BACKEND_OPTIONS, Args.KAFKA_LOGIN_OPTIONS),
                        "sim-interval", "duration", "door", "instrument", "proposal", "kafka", "topic", "status-every",
                        "health-port", "watch", "pattern", "quiet-period", "user-office", "proposals-file",
                        TimeZoneOption.NAME),
                Set.of("sim", "quiet"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        if (!args.flag("sim") && args.value("door") == null && args.value("watch") == null) {
            throw new UsageException("no source given: use --sim, --door DEVICE or --watch DIR");
        }
        Duration interval = args.duration("sim-interval", Duration.ofSeconds(3));
        List<IngestOptions.SourceSpec> sources = new java.util.ArrayList<>();
        if (args.flag("sim")) {
            sources.add(new IngestOptions.SourceSpec("sim", Map.of("interval", interval.toMillis() + "ms")));
        }
        if (args.value("door") != null) {
            Map<String, String> door = new java.util.HashMap<>(Map.of("door", args.value("door")));
            if (args.value("instrument") != null) {
                door.put("instrument", args.value("instrument"));
            }
            if (args.value("proposal") != null) {
                door.put("proposal", args.value("proposal"));
            }
            TimeZoneOption.of(args).ifPresent(zone -> door.put("zone", zone));
            sources.add(new IngestOptions.SourceSpec("sardana", door));
        }
        if (args.value("watch") != null) {
            sources.add(new IngestOptions.SourceSpec("files", WatchOptions.of(args)));
        }
        BackendSettings backend = args.backend(); // a usage error before anything is started
        Duration duration = args.duration("duration", null);
        Duration every = args.duration("status-every", Duration.ofSeconds(10));
        int healthPort = args.value("health-port") == null ? -1 : args.intValue("health-port", 0, 0);
        boolean quiet = args.flag("quiet");
        AtomicLong stored = new AtomicLong();
        AutoCloseable proposalSource = null;
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
                batch.forEach(d -> out.println((args.value("kafka") == null ? "stored " : "sent ") + line(d)));
            }
        }); AutoCloseable problems = catalog.onStatus(new java.util.function.Consumer<>() {
            private String last = "";

            @Override
            public void accept(BackendStatus s) {
                // Source and store problems (an unreachable Door, a failed write) on stderr, once each.
                String detail = s.detail() == null ? "" : s.detail();
                // (A failed start is reported once, by the command itself.)
                if (!detail.equals(last) && !detail.startsWith("ok") && !detail.equals("not started")
                        && !detail.startsWith("connecting") && s.state() != BackendStatus.State.FAILED) {
                    err.println("scizoo ingest: " + detail);
                }
                last = detail;
            }
        })) {
            proposalSource = UserOffice.register(args);
            catalog.start(backend, new IngestOptions(sources));
            out.println("ingesting into " + catalog.status().backend() + (duration == null ? " until stopped"
                    : " for " + duration.toMillis() / 1000.0 + " s"));
            try (HealthEndpoint health = healthPort < 0 ? null : healthEndpoint(healthPort)) {
                RunFor runFor = new RunFor(duration);
                while (!runFor.over() && !stopped.await(runFor.nextWaitMillis(every), TimeUnit.MILLISECONDS)) {
                    out.println(statusLine(catalog.status()));
                }
                catalog.stop();
            }
            BackendStatus last = catalog.status();
            out.println((args.value("kafka") == null ? "stored " : "sent ") + stored.get() + " datasets");
            return last.pending() > 0 ? UNDELIVERED : OK; // the status listener said why
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
            UserOffice.unregister(proposalSource);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; nothing to remove
            }
        }
    }

    private HealthEndpoint healthEndpoint(int port) throws java.io.IOException {
        return new HealthEndpoint(port, () -> {
            BackendStatus s = catalog.status();
            // A source that is down is trouble even with the store up: scans are not being recorded.
            String problem = !s.trouble() ? null
                    : s.sourcesDown().isEmpty() ? s.detail()
                    : s.state() == BackendStatus.State.UP ? s.sourcesDownText()
                    : s.detail() + "; " + s.sourcesDownText();
            return new HealthEndpoint.Health(problem, Map.of("delivered", s.datasets(), "waiting", s.pending(),
                    "state", s.state().name(), "sourcesDown", List.copyOf(s.sourcesDown().keySet())));
        });
    }

    private static String statusLine(BackendStatus s) {
        return "status: " + s.state().name().toLowerCase(java.util.Locale.ROOT) + ", " + s.datasets()
                + " delivered, " + s.pending() + " waiting"
                + (s.detail() == null || s.detail().startsWith("ok") || downAlready(s) ? "" : ", " + s.detail())
                + (s.sourcesDown().isEmpty() ? "" : ", SOURCE DOWN: " + s.sourcesDownText());
    }

    /** The detail is a down source's report, which the line shows anyway. */
    private static boolean downAlready(BackendStatus s) {
        return s.sourcesDownLines().contains(s.detail());
    }

    private static String line(Dataset d) {
        MetadataValue t01 = d.metadata("T01");
        return d.pid() + "  " + d.datasetName() + "  " + d.description()
                + (t01 == null ? "" : "  T01=" + t01.display());
    }
}
