package org.scizoo.tango.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.CatalogStore;
import org.scizoo.core.ports.CatalogStoreProvider;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.source.sim.SimulatedBeamline;
import org.scizoo.tests.support.OsgiServices;

/**
 * A beamline's SciDog configuration drives what is recorded with every scan: the configured Tango
 * attributes are read at scan start and end and stored with the dataset; an entry that fails is recorded
 * as an error and the dataset is stored all the same.
 */
class ScanHarvestIngestionTest {

    @TempDir
    Path data;
    private CatalogService catalog;
    private TangoPeers peers;

    @AfterEach
    void stop() {
        if (catalog != null) {
            catalog.stop();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void scansCarryTheConfiguredAttributesAndTheErrorsOfBrokenEntries() throws Exception {
        peers = new TangoPeers(Files.createDirectories(Path.of("target", "peers-ingest")));
        String t02 = peers.startPython("TemperatureSensor", "b310a-e01/dia/tco-02");
        String sample = peers.startPython("Sample", "b310a-e/ctl/sample");
        try (CatalogStore store = OsgiServices.get(CatalogStoreProvider.class).open(BackendSettings.embedded(data))) {
            store.configs().save(SimulatedBeamline.INSTRUMENT, List.of(
                    new MetadataEntry("temperatures", "T02", t02, "temperature", null, When.BOTH, true),
                    new MetadataEntry("sample", "description", sample, "descr", null, When.START, true),
                    new MetadataEntry("sample", "concentration", sample, "concentration", null, When.END, true),
                    new MetadataEntry("broken", "ghost", "tango://127.0.0.1:1/no/such/device#dbase=no", "x", null,
                            When.END, true)),
                    "staff");
        }
        catalog = OsgiServices.get(CatalogService.class);
        List<Dataset> stored = new CopyOnWriteArrayList<>();
        try (AutoCloseable l = catalog.onDatasets(stored::addAll)) {
            catalog.start(BackendSettings.embedded(data), IngestOptions.simulated("300ms"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stored.size() < 2 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        assertTrue(stored.size() >= 2, "scans stored: " + stored.size());
        Dataset d = stored.get(1); // the second scan started after the configuration was in place
        MetadataValue start = d.metadata("T02_start");
        MetadataValue end = d.metadata("T02_end");
        assertNotNull(start, d.scientificMetadata().keySet().toString());
        assertNotNull(end);
        assertEquals("degC", start.unit(), "unit from the Tango attribute configuration");
        assertEquals("temperatures", start.group());
        assertEquals("VALID", end.quality());
        assertTrue(!end.time().isBefore(start.time()), "start read before end");
        assertEquals("lysozyme in 50 mM HEPES", d.metadata("description").value());
        assertEquals("mg/ml", d.metadata("concentration").unit());
        assertNull(d.metadata("T01"), "only what the beamline's configuration names is recorded: "
                + d.scientificMetadata().keySet());
        assertNotNull(d.metadata("outcome"), "the scan's own outcome is kept");
        MetadataValue errors = d.metadata("harvest_errors");
        assertNotNull(errors, "the broken entry is recorded as an error");
        assertTrue(errors.value().toString().contains("ghost"), errors.toString());
        assertEquals(d, catalog.store().findDataset(d.pid()).orElseThrow(), "stored as recorded");
    }
}
