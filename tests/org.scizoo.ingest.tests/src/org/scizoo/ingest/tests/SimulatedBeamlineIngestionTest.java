package org.scizoo.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Proposal;
import org.scizoo.core.model.Scan;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.BackendStatus;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.DatasetQuery;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanEventSourceFactory;
import org.scizoo.core.ports.ScanListener;
import org.scizoo.ingest.DatasetFactory;
import org.scizoo.source.sim.SimulatedBeamline;
import org.scizoo.source.sim.SimulatedUserOffice;
import org.scizoo.tests.support.OsgiServices;
import org.scizoo.tests.support.SampleEntries;

/** The catalogue session as the workbench and the CLI run it: DS services, embedded store, simulated beamline. */
class SimulatedBeamlineIngestionTest {

    private static final int INDEXED_SCANS = 60_000; // above the size from which a build reports its progress
    private static final String CREATION_TIME_INDEX = "scicat.Dataset._index_creationTime_-1";

    @TempDir
    Path data;
    private CatalogService catalog;

    @BeforeEach
    void service() throws InterruptedException {
        catalog = OsgiServices.get(CatalogService.class);
    }

    @AfterEach
    void stop() {
        catalog.stop();
    }

    @Test
    void simulatedScansAreStoredAsSciCatDatasetsAndSurviveARestart() throws Exception {
        List<Dataset> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable l = catalog.onDatasets(seen::addAll)) {
            catalog.start(BackendSettings.embedded(data), IngestOptions.simulated("200ms"));
            waitFor(() -> seen.size() >= 3, Duration.ofSeconds(20), "3 simulated scans stored");
        }
        assertEquals(BackendStatus.State.UP, catalog.status().state(), catalog.status().detail());
        Dataset d = seen.get(0);
        assertEquals(List.of(SimulatedBeamline.INSTRUMENT), d.instrumentIds());
        assertEquals(List.of(SimulatedUserOffice.PROPOSAL_ID), d.proposalIds());
        assertEquals("Ada Lovelace", d.owner(), "owner taken from the user office's proposal");
        assertEquals("degC", d.metadata("T01").unit());
        assertNotNull(d.metadata("sample_description"));
        assertTrue(d.metadata(DatasetFactory.KEY_COMMAND).value().toString().matches("(ascan|dscan|timescan|mesh) .*"));
        assertTrue(d.startTime().isBefore(d.endTime()) || d.startTime().equals(d.endTime()));
        Optional<Proposal> proposal = catalog.store().findProposal(SimulatedUserOffice.PROPOSAL_ID);
        assertTrue(proposal.isPresent(), "the proposal is written to the catalogue too");
        long stored = catalog.store().countDatasets();
        catalog.stop();

        catalog.start(BackendSettings.embedded(data), IngestOptions.none());
        assertTrue(catalog.store().countDatasets() >= stored, "datasets survive the restart");
        List<Dataset> page = catalog.store().findDatasets(DatasetQuery.newest(0));
        assertTrue(page.stream().map(Dataset::pid).toList().containsAll(seen.stream().map(Dataset::pid).toList()));
    }

    @Test
    void anUnknownSourceKindIsAClearErrorAndLeavesNothingOpen() {
        CatalogException e = assertThrows(CatalogException.class, () -> catalog.start(BackendSettings.embedded(data),
                new IngestOptions(List.of(new IngestOptions.SourceSpec("sardana", Map.of())))));
        assertTrue(e.getMessage().contains("sardana") && e.getMessage().contains("sim"), e.getMessage());
        assertEquals(BackendStatus.State.FAILED, catalog.status().state());
        assertThrows(CatalogException.class, () -> catalog.store());
    }

    @Test
    void aSourceThatIsDownStaysInTheStatusUntilItIsUpAgain() throws Exception {
        AtomicReference<ScanListener> listener = new AtomicReference<>();
        // a beamline's own source kind, as a plug-in would add it: it reports only what the test tells it to
        ScanEventSourceFactory door = new ScanEventSourceFactory() {
            @Override
            public String kind() {
                return "test-door";
            }

            @Override
            public ScanEventSource create(Map<String, String> options) {
                return new ScanEventSource() {
                    @Override
                    public String name() {
                        return "Door test/door/9";
                    }

                    @Override
                    public void start(ScanListener l) {
                        listener.set(l);
                    }

                    @Override
                    public void close() {
                        // nothing held
                    }
                };
            }
        };
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceRegistration<ScanEventSourceFactory> registration = context.registerService(ScanEventSourceFactory.class,
                door, null);
        try {
            catalog.start(BackendSettings.embedded(data),
                    new IngestOptions(List.of(new IngestOptions.SourceSpec("test-door", Map.of()))));
            assertFalse(catalog.status().trouble(), catalog.status().toString());

            listener.get().sourceDown("Door test/door/9", "cannot subscribe to RecordData", null);
            assertEquals(Map.of("Door test/door/9", "cannot subscribe to RecordData"), catalog.status().sourcesDown());
            assertTrue(catalog.status().trouble(), "a source down is trouble even with the store up");
            // the store's health check (every 5 s) publishes "ok, ping …": the source stays down in it
            waitFor(() -> catalog.status().detail().startsWith("ok"), Duration.ofSeconds(20), "a health check");
            assertEquals(BackendStatus.State.UP, catalog.status().state());
            assertEquals("Door test/door/9: cannot subscribe to RecordData", catalog.status().sourcesDownText());

            listener.get().sourceUp("Door test/door/9", "subscribed to RecordData");
            assertEquals(Map.of(), catalog.status().sourcesDown());
            assertEquals("Door test/door/9: subscribed to RecordData", catalog.status().detail());
            assertFalse(catalog.status().trouble());

            listener.get().sourceDown("Door test/door/9", "lost", null);
            catalog.stop();
            assertEquals(Map.of(), catalog.status().sourcesDown(), "a stopped session has no sources");
            catalog.start(BackendSettings.embedded(data), IngestOptions.none());
            assertFalse(catalog.status().trouble(), "nor does the next one: " + catalog.status());
        } finally {
            registration.unregister();
        }
    }

    @Test
    void theSameScanAlwaysMapsToTheSameDataset() {
        SimulatedBeamline beamline = new SimulatedBeamline(Duration.ofSeconds(1), 100, 7, Clock.systemUTC());
        Scan scan = beamline.nextScan().ended(Instant.now(), Map.of());
        DatasetFactory factory = new DatasetFactory("20.500.99");
        CatalogEntry a = factory.create(scan, Optional.empty(), Instant.now());
        CatalogEntry b = factory.create(scan, Optional.empty(), Instant.now().plusSeconds(5));
        assertEquals(a.dataset().pid(), b.dataset().pid());
        assertTrue(a.dataset().pid().startsWith("20.500.99/"));
        assertEquals("100", a.dataset().runNumber());
        assertEquals(1, a.datablocks().size());
        assertFalse(a.dataset().datasetName().isBlank());
    }

    /**
     * While a session is being opened (a MongoDB that does not answer, a catalogue indexed once: seconds to a
     * minute), asking for the store answers at once that none is open yet. The Scanlog asks on the display's
     * thread when a proposal is picked: had it waited for the opening, the window would have frozen.
     */
    @Test
    void askingForTheStoreWhileASessionOpensAnswersAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch connecting = new java.util.concurrent.CountDownLatch(1);
        Thread opening;
        try (AutoCloseable l = catalog.onStatus(s -> {
            if (s.state() == BackendStatus.State.CONNECTING) {
                connecting.countDown();
            }
        })) {
            // nothing listens on port 9: the driver tries until its 5 s timeout
            opening = Thread.ofPlatform().start(() -> assertThrows(CatalogException.class, () -> catalog.start(
                    new BackendSettings(data, "mongodb://127.0.0.1:9/scicat", Duration.ofSeconds(5)),
                    IngestOptions.none())));
            assertTrue(connecting.await(10, TimeUnit.SECONDS));
            CatalogException e = assertThrows(CatalogException.class, () -> catalog.store());
            assertEquals("No catalogue is open: connecting…", e.getMessage(), "answered while opening, not after");
        }
        opening.join();
        assertEquals(BackendStatus.State.FAILED, catalog.status().state());
    }

    /**
     * Closing while a scan runs lets that scan end and be reported before close returns: at the end of
     * {@code ingest --duration}, or when the workbench closes, the scan in flight is recorded while the
     * catalogue is still open, not reported later into a closed session (and lost).
     */
    @Test
    void closingWhileAScanRunsReportsItsEndBeforeReturning() throws Exception {
        SimulatedBeamline beamline = new SimulatedBeamline(Duration.ofSeconds(2), 100, 7, Clock.systemUTC());
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        List<Long> ended = new CopyOnWriteArrayList<>();
        beamline.start(new ScanListener() {
            @Override
            public void scanStarted(Scan scan) {
                started.countDown();
            }

            @Override
            public void scanEnded(Scan scan) {
                ended.add(scan.scanId());
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS), "the first scan started");
        long closing = System.nanoTime();
        beamline.close(); // the scan runs for another second or less
        long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
        // Not a speed check: close gives up waiting after the interval + 10 s, and a scan that could not end
        // meanwhile (a lock held by close) ended only after it had given up. Half that is surely a hang.
        assertTrue(closedAfterMs < 6_000, "close waited " + closedAfterMs + " ms for a scan of one second");
        assertEquals(List.of(100L), ended, "the scan that was running ended before close returned");
    }

    /**
     * Closing the workbench (or stopping {@code scizoo ingest}) while the session opens a catalogue that must
     * be indexed first: the stop does not wait for the build, a minute for a million scans; the start gives
     * up, and the next start builds the index whole.
     */
    @Test
    void aStopWhileTheCatalogueIsIndexedGivesTheStartUp() throws Exception {
        writeCatalogueWithoutItsIndex();
        Thread stopper = Thread.ofPlatform().name("test stopper").unstarted(catalog::stop);
        List<String> told = new CopyOnWriteArrayList<>();
        CatalogException e;
        try (AutoCloseable l = catalog.onStatus(s -> {
            told.add(s.detail());
            if (s.detail().startsWith("indexing") && s.detail().endsWith("(10 %)")) {
                // Told on the starting thread, which holds the session's lock: the stop waits for it, and
                // has asked to stop by then. The build goes on when this returns.
                stopper.start();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (stopper.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        })) {
            e = assertThrows(CatalogException.class, () -> catalog.start(BackendSettings.embedded(data),
                    IngestOptions.none()));
        }
        stopper.join(10_000);
        assertFalse(stopper.isAlive(), "the stop returned");
        assertTrue(e.getMessage().startsWith("Stopped while opening the catalogue "), e.getMessage());
        assertTrue(told.stream().anyMatch(t -> t.endsWith("(10 %)")), told.toString());
        assertFalse(told.stream().anyMatch(t -> t.endsWith("(20 %)")), "given up within 1,024 scans: " + told);
        assertEquals(BackendStatus.State.FAILED, catalog.status().state());

        told.clear();
        try (AutoCloseable l = catalog.onStatus(s -> told.add(s.detail()))) {
            catalog.start(BackendSettings.embedded(data), IngestOptions.none());
        }
        assertEquals(BackendStatus.State.UP, catalog.status().state(), catalog.status().detail());
        String from = ": 0 of " + INDEXED_SCANS + " (0 %)";
        String to = ": " + INDEXED_SCANS + " of " + INDEXED_SCANS + " (100 %)";
        assertTrue(told.stream().anyMatch(t -> t.startsWith("indexing") && t.endsWith(from)),
                "built again from the start: " + told);
        assertTrue(told.stream().anyMatch(t -> t.startsWith("indexing") && t.endsWith(to)),
                told.toString());
        assertEquals(INDEXED_SCANS, catalog.store().countDatasets());
    }

    /** A catalogue as an earlier version left it, or a killed process: scans stored, the index to build. */
    private void writeCatalogueWithoutItsIndex() throws Exception {
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            List<CatalogEntry> batch = new ArrayList<>();
            for (int i = 1; i <= INDEXED_SCANS; i++) {
                batch.add(SampleEntries.entry(i));
                if (batch.size() == 5_000) {
                    store.upsert(batch);
                    batch.clear();
                }
            }
        }
        try (MVStore file = new MVStore.Builder().fileName(data.resolve("catalog.mv").toString()).open()) {
            assertTrue(file.hasMap(CREATION_TIME_INDEX), file.getMapNames().toString());
            file.removeMap(CREATION_TIME_INDEX);
        }
    }
    static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
