package org.scizoo.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;

/** Scans shaped like a SAXS beamline's (a dozen metadata values, one data file), numbered and distinct. */
final class BenchEntries {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private BenchEntries() {
    }

    static CatalogEntry entry(int i) {
        String pid = "20.500.12345/bench-" + i;
        Instant t = T0.plusMillis(3_000L * i);
        Map<String, MetadataValue> m = new LinkedHashMap<>();
        m.put("T01", MetadataValue.of(21.0 + (i % 100) / 10.0, "degC"));
        m.put("T02", MetadataValue.of(20.5 + (i % 37) / 10.0, "degC"));
        m.put("sample_description", MetadataValue.of("lysozyme in buffer " + (i % 12)));
        m.put("sample_well", MetadataValue.of("" + (char) ('A' + i % 8) + (1 + i % 12)));
        m.put("sample_concentration", MetadataValue.of(0.5 + (i % 95) / 10.0, "mg/ml"));
        m.put("exposure_time", MetadataValue.of(0.1 * (1 + i % 10), "s"));
        m.put("energy", MetadataValue.of(12.4, "keV"));
        m.put("detector_distance", MetadataValue.of(3.0, "m"));
        m.put("beam_current", MetadataValue.of(399.0 + (i % 20) / 10.0, "mA"));
        m.put("frames", MetadataValue.of(10 + i % 5));
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/visitors/saxs/20250042/raw").size(52_428_800L + i).numberOfFiles(1)
                .creationTime(t).datasetName("scan_" + i).description("SEC-SAXS scan " + i)
                .ownerGroup("20250042").proposalIds(List.of("20250042")).instrumentIds(List.of("saxs"))
                .creationLocation("/SciZoo/SAXS").scientificMetadata(m).build();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, d.size(), null, "20250042",
                List.of(), List.of(new DataFile("scan_" + i + ".h5", d.size(), t, null)))));
    }
}
