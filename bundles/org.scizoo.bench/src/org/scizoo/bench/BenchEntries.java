package org.scizoo.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogStore;

/** Scans shaped like a SAXS beamline's (a dozen metadata values, one data file), numbered and distinct. */
final class BenchEntries {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private static final int FILL_BATCH = 2_000;

    private BenchEntries() {
    }

    /** Fills the store with scans 0… up to {@code count}, once: a store that has them is left as it is. */
    static void fill(CatalogStore store, int count, boolean withDatablocks, PrintStream out) throws CatalogException {
        long have = store.countDatasets();
        if (have >= count) {
            out.printf("store: %d scans already there%n", have);
            return;
        }
        out.printf("store: %d scans there, writing up to %d (once; kept for the next run)…%n", have, count);
        long t0 = System.nanoTime();
        for (int i = (int) have; i < count; i += FILL_BATCH) {
            List<CatalogEntry> batch = new ArrayList<>(FILL_BATCH);
            for (int k = i; k < Math.min(count, i + FILL_BATCH); k++) {
                batch.add(withDatablocks ? entry(k) : new CatalogEntry(dataset(k), List.of()));
            }
            store.upsert(batch);
            if ((i / FILL_BATCH) % 50 == 49) {
                out.printf("  %d written, %.0f scans/s%n", i + FILL_BATCH,
                        (i + FILL_BATCH - have) / ((System.nanoTime() - t0) / 1e9));
            }
        }
    }

    static CatalogEntry entry(int i) {
        Dataset d = dataset(i);
        return new CatalogEntry(d, List.of(new OrigDatablock(d.pid() + "/orig-0", d.pid(), d.size(), null,
                d.ownerGroup(), List.of(),
                List.of(new DataFile("scan_" + i + ".h5", d.size(), d.creationTime(), null)))));
    }

    /**
     * Scan {@code i}: one of 20 proposals; one scan in ten from a beamline that records temperatures in
     * kelvin and the current in amperes (so a Scanlog column holds mixed units).
     */
    static Dataset dataset(int i) {
        String pid = "20.500.12345/bench-" + i;
        String proposal = String.valueOf(20250042 + i % 20);
        boolean kelvin = i % 10 == 9;
        Instant t = T0.plusMillis(3_000L * i);
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        double t01 = 21.0 + (i % 100) / 10.0;
        m.put("T01", kelvin ? MetadataValue.of(t01 + 273.15, "K") : MetadataValue.of(t01, "degC"));
        m.put("T02", MetadataValue.of(20.5 + (i % 37) / 10.0, "degC"));
        m.put("sample_description", MetadataValue.of("lysozyme in buffer " + (i % 12)));
        m.put("sample_well", MetadataValue.of("" + (char) ('A' + i % 8) + (1 + i % 12)));
        m.put("sample_concentration", MetadataValue.of(0.5 + (i % 95) / 10.0, "mg/ml"));
        m.put("exposure_time", MetadataValue.of(0.1 * (1 + i % 10), "s"));
        m.put("energy", MetadataValue.of(12.4, "keV"));
        m.put("detector_distance", MetadataValue.of(3.0, "m"));
        double current = 399.0 + (i % 20) / 10.0;
        m.put("beam_current", kelvin ? MetadataValue.of(current / 1000, "A") : MetadataValue.of(current, "mA"));
        m.put("frames", MetadataValue.of(10 + i % 5));
        return Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/visitors/saxs/" + proposal + "/raw").size(52_428_800L + i).numberOfFiles(1)
                .creationTime(t).datasetName("scan_" + i).description("SEC-SAXS scan " + i)
                .ownerGroup(proposal).proposalIds(List.of(proposal)).instrumentIds(List.of("saxs"))
                .creationLocation("/SciZoo/SAXS").startTime(t.minusSeconds(2)).endTime(t).runNumber(String.valueOf(i))
                .scientificMetadata(m).build();
    }
}
