package org.scizoo.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.BackendStatus.State;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.core.ports.Devices;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.core.ports.MetadataTransport;
import org.scizoo.core.ports.MetadataTransportFactory;
import org.scizoo.core.ports.ProposalSource;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanEventSourceFactory;
import org.scizoo.core.ports.StoreHealth;
import org.scizoo.ingest.DatasetFactory;

/**
 * The catalogue session: opens the store, wires sources → ingestor → transport → store, watches the
 * store's health, and publishes status and stored datasets to whoever listens (status line, Scanlog, CLI).
 */
@Component(service = CatalogService.class)
public class IngestionService implements CatalogService {

    private static final Duration HEALTH_PERIOD = Duration.ofSeconds(5);
    private static final String PID_PREFIX_PROPERTY = "scizoo.pid.prefix";

    private final CatalogStoreProvider storeProvider;
    private final List<ScanEventSourceFactory> factories = new CopyOnWriteArrayList<>();
    private final Ranked<ProposalSource> proposalSources = new Ranked<>(list -> {});
    /**
     * One reader over every installed one (Tango, the simulated beamline's devices), replaced when they
     * change: a scan in progress keeps the reader its start was harvested with.
     */
    private volatile Optional<DeviceReader> deviceReader = Optional.empty();
    private final Ranked<DeviceReader> deviceReaders = new Ranked<>(list -> deviceReader = Devices.reader(list));
    private final List<MetadataTransportFactory> transportFactories = new CopyOnWriteArrayList<>();
    private final List<Consumer<BackendStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Dataset>>> datasetListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("scizoo-catalog-health").unstarted(r));

    private volatile BackendStatus status = BackendStatus.stopped();
    /**
     * The sources of this session that said they are down, with why: part of every status published until
     * they say they are up again, so that a health check every few seconds does not hide them.
     */
    private final Map<String, String> sourcesDown = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Why the live feed (every beamline's scans, for the Scanlog) cannot read, null while it reads: the
     * session is then in trouble even with the store up, since the Scanlog silently stops being live.
     */
    private volatile String liveFeedProblem;
    /**
     * Set and cleared under this object's lock (start, stop), read without it: store() must answer while a
     * start() holds the lock for as long as opening takes (a MongoDB that does not answer, a catalogue
     * indexed once), since the Scanlog asks on the display's thread.
     */
    private volatile Session session;
    /**
     * How many stop() calls wait for this object's lock. A start() that holds it gives up the long work of
     * opening (a catalogue indexed once, a minute for a million scans) when one does, instead of keeping a
     * closing workbench or a service told to stop waiting for the whole of it.
     */
    private final AtomicInteger stopsWaiting = new AtomicInteger();

    /** What one start() opened; closed as a whole by stop(). */
    private record Session(CatalogStore store, MetadataTransport transport, List<ScanEventSource> sources,
            AutoCloseable liveFeed, ScheduledFuture<?> health) {
    }

    @Activate
    public IngestionService(@Reference CatalogStoreProvider storeProvider) {
        this.storeProvider = storeProvider;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSourceFactory(ScanEventSourceFactory f) {
        factories.add(f);
    }

    void removeSourceFactory(ScanEventSourceFactory f) {
        factories.remove(f);
    }

    /** Proposal sources are asked by their service ranking, highest first (the simulated one is ranked low). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProposalSource(ProposalSource s, Map<String, Object> properties) {
        proposalSources.add(s, properties);
    }

    void removeProposalSource(ProposalSource s) {
        proposalSources.remove(s);
    }

    /**
     * Tango, the simulated beamline's devices, another control system: with one that reads a configuration's
     * devices, scans get their SciDog configuration harvested. Each device goes to the first by ranking.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDeviceReader(DeviceReader r, Map<String, Object> properties) {
        deviceReaders.add(r, properties);
    }

    void removeDeviceReader(DeviceReader r) {
        deviceReaders.remove(r);
    }

    /** Kafka: with a bootstrap in the settings, entries go there instead of straight into the store. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransportFactory(MetadataTransportFactory f) {
        transportFactories.add(f);
    }

    void removeTransportFactory(MetadataTransportFactory f) {
        transportFactories.remove(f);
    }

    @Override
    public synchronized void start(BackendSettings settings, IngestOptions options) throws CatalogException {
        stopSession();
        sourcesDown.clear();
        liveFeedProblem = null;
        String backend = settings.isEmbedded() ? "embedded " + settings.dataDir()
                : settings.isSciCat() ? settings.scicat().describe() : "MongoDB";
        publish(new BackendStatus(State.CONNECTING, backend, "connecting…", 0, 0, Instant.now()));
        CatalogStore store;
        try {
            store = storeProvider.open(settings,
                    progress -> publish(new BackendStatus(State.CONNECTING, backend, progress, 0, 0, Instant.now())),
                    () -> stopsWaiting.get() > 0);
        } catch (CatalogException e) {
            publish(new BackendStatus(State.FAILED, status.backend(), e.getMessage(), 0, 0, Instant.now()));
            throw e;
        }
        MetadataTransport transport;
        try {
            transport = transport(settings, store);
        } catch (CatalogException e) {
            store.close();
            publish(new BackendStatus(State.FAILED, store.describe(), e.getMessage(), 0, 0, Instant.now()));
            throw e;
        }
        List<ScanEventSource> sources = new ArrayList<>();
        try {
            ScanIngestor ingestor = new ScanIngestor(new DatasetFactory(System.getProperty(PID_PREFIX_PROPERTY)),
                    transport, store, proposalSources::inOrder, () -> deviceReader, new SourceReports(),
                    Clock.systemUTC());
            for (IngestOptions.SourceSpec spec : options.sources()) {
                ScanEventSourceFactory factory = factory(spec.kind());
                DefaultConfigurations.saveIfNone(factory, spec.options(), store.configs(), ingestor);
                ScanEventSource source = factory.create(spec.options());
                sources.add(source);
                source.start(ingestor);
            }
        } catch (CatalogException | RuntimeException e) {
            sources.forEach(ScanEventSource::close);
            transport.close();
            store.close();
            sourcesDown.clear(); // a source that said so while starting: gone with the session that failed
            publish(new BackendStatus(State.FAILED, store.describe(), e.getMessage(), 0, 0, Instant.now()));
            throw e instanceof CatalogException ce ? ce : new CatalogException(e.getMessage(), e);
        }
        AutoCloseable liveFeed = options.liveFeed() ? liveFeed(settings, store) : null;
        ScheduledFuture<?> health = scheduler.scheduleWithFixedDelay(this::checkHealth, HEALTH_PERIOD.toMillis(),
                HEALTH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        session = new Session(store, transport, sources, liveFeed, health);
        checkHealth();
    }

    /** The store's own feed where it has one (SciCat, polled), else the shared backend's Kafka topic. */
    private AutoCloseable liveFeed(BackendSettings settings, CatalogStore store) {
        Optional<AutoCloseable> own = store.watch(this::deliver, this::liveFeedProblem);
        if (own.isPresent()) {
            return own.get();
        }
        return settings.kafkaBootstrap() != null && !transportFactories.isEmpty()
                ? transportFactories.get(0).watch(settings, this::published, this::liveFeedProblem)
                : null;
    }

    private MetadataTransport transport(BackendSettings settings, CatalogStore store) throws CatalogException {
        if (settings.kafkaBootstrap() == null) {
            return new InProcessTransport(store, this::stored, this::writeFailed);
        }
        if (transportFactories.isEmpty()) {
            throw new CatalogException("Kafka " + settings.kafkaBootstrap() + " was asked for, but no Kafka transport"
                    + " is installed");
        }
        return transportFactories.get(0).create(settings, this::stored, this::writeFailed);
    }

    private ScanEventSourceFactory factory(String kind) throws CatalogException {
        for (ScanEventSourceFactory f : factories) {
            if (f.kind().equals(kind)) {
                return f;
            }
        }
        throw new CatalogException("No scan source of kind '" + kind + "' is installed (installed: "
                + factories.stream().map(ScanEventSourceFactory::kind).sorted().toList() + ")");
    }

    /** Stops the session; a start() in progress on another thread gives up its opening's long work first. */
    @Override
    public void stop() {
        stopsWaiting.incrementAndGet();
        try {
            stopSession();
        } finally {
            stopsWaiting.decrementAndGet();
        }
    }

    private synchronized void stopSession() {
        Session s = session;
        if (s == null) {
            return;
        }
        session = null;
        s.health().cancel(false);
        s.sources().forEach(ScanEventSource::close);
        if (s.liveFeed() != null) {
            try {
                s.liveFeed().close();
            } catch (Exception e) {
                System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING, "closing the live feed", e);
            }
        }
        boolean flushed = s.transport() instanceof InProcessTransport local
                ? local.flushAndClose(Duration.ofSeconds(10))
                : closed(s.transport());
        long undelivered = flushed ? 0 : s.transport().pending();
        if (!flushed) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.ERROR,
                    undelivered + " datasets could not be delivered before the session closed");
        }
        s.store().close();
        sourcesDown.clear();
        BackendStatus last = status;
        publish(undelivered == 0 ? BackendStatus.stopped()
                : new BackendStatus(State.STOPPED, last.backend(), "stopped with " + undelivered
                        + " datasets not yet delivered (" + s.transport().describe() + ")", last.datasets(),
                        undelivered, Instant.now()));
    }

    private static boolean closed(MetadataTransport t) {
        t.close(); // a Kafka producer's close sends what it still holds
        return t.pending() == 0;
    }

    @Deactivate
    void deactivate() {
        stop();
        scheduler.shutdownNow();
    }

    @Override
    public BackendStatus status() {
        return status;
    }

    @Override
    public CatalogStore store() throws CatalogException {
        Session s = session;
        if (s == null) {
            BackendStatus last = status;
            // up or in trouble without a session: stop() has begun and not yet said so
            boolean closing = last.state() == State.UP || last.state() == State.DEGRADED;
            throw new CatalogException("No catalogue is open: " + (closing ? "the session is closing" : last.detail()));
        }
        return s.store();
    }

    @Override
    public AutoCloseable onStatus(Consumer<BackendStatus> listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    @Override
    public AutoCloseable onDatasets(Consumer<List<Dataset>> listener) {
        datasetListeners.add(listener);
        return () -> datasetListeners.remove(listener);
    }

    private void stored(List<CatalogEntry> entries) {
        published(entries);
        BackendStatus s = status;
        if (s.state() == State.DEGRADED || s.state() == State.UP) {
            publish(new BackendStatus(State.UP, s.backend(), "ok", s.datasets() + entries.size(), pending(),
                    Instant.now()));
        }
    }

    /** Datasets any beamline published on the shared backend: shown live, not counted as ours. */
    private void published(List<CatalogEntry> entries) {
        deliver(entries.stream().map(CatalogEntry::dataset).toList());
    }

    private void deliver(List<Dataset> datasets) {
        for (Consumer<List<Dataset>> l : datasetListeners) {
            l.accept(datasets);
        }
    }

    private void writeFailed(CatalogException e) {
        BackendStatus s = status;
        publish(new BackendStatus(State.DEGRADED, s.backend(), e.getMessage() + " (kept, retrying)", s.datasets(),
                pending(), Instant.now()));
    }

    private void sourceProblem(String source, String message) {
        BackendStatus s = status;
        publish(new BackendStatus(s.state(), s.backend(), source + ": " + message, s.datasets(), s.pending(),
                Instant.now()));
    }

    private void liveFeedProblem(String problem) {
        liveFeedProblem = problem;
        try {
            scheduler.execute(this::checkHealth); // now, not at the next period
        } catch (java.util.concurrent.RejectedExecutionException deactivated) {
            // the service is going away; nobody to tell
        }
    }

    /** The ingestor's and the sources' reports, into the status. */
    private final class SourceReports implements ScanIngestor.Reports {
        @Override
        public void problem(String source, String message) {
            sourceProblem(source, message);
        }

        @Override
        public void down(String source, String message) {
            sourcesDown.put(source, message);
            sourceProblem(source, message);
        }

        @Override
        public void up(String source, String message) {
            if (sourcesDown.remove(source) != null) {
                sourceProblem(source, message);
            }
        }
    }

    private long pending() {
        Session s = session;
        return s == null ? 0 : s.transport().pending();
    }

    private void checkHealth() {
        Session s = session;
        if (s == null) {
            return;
        }
        StoreHealth h = s.store().health();
        long count = status.datasets();
        if (h.up()) {
            try {
                count = s.store().countDatasets();
            } catch (CatalogException e) {
                h = StoreHealth.down(e.getMessage());
            }
        }
        // Kafka out of reach is trouble too: datasets wait in the outbox (kept) and nobody else sees them; and
        // the Scanlog shows no other beamline's new scans.
        String transportProblem = s.transport().problem();
        String feedProblem = s.liveFeed() == null || liveFeedProblem == null ? null
                : "Scanlog not live: " + liveFeedProblem;
        boolean up = h.up() && transportProblem == null && feedProblem == null;
        String detail = !h.up() ? h.detail()
                : transportProblem != null ? transportProblem
                : feedProblem != null ? feedProblem
                : "ok, ping " + h.latency().toMillis() + " ms";
        publish(new BackendStatus(up ? State.UP : State.DEGRADED, s.store().describe(), detail, count,
                s.transport().pending(), Instant.now()));
    }

    private void publish(BackendStatus published) {
        BackendStatus s = new BackendStatus(published.state(), published.backend(), published.detail(),
                published.datasets(), published.pending(), published.checkedAt(), sourcesDown);
        status = s;
        for (Consumer<BackendStatus> l : statusListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                System.getLogger(getClass().getName()).log(System.Logger.Level.ERROR, "status listener failed", e);
            }
        }
    }
}
