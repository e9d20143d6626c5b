package org.scizoo.tests.support;

import java.time.Instant;
import java.util.List;

import org.scizoo.core.model.CatalogEntry;
import org.scizoo.core.model.DataFile;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.OrigDatablock;

/** Small, distinct catalogue entries (dataset + one datablock) for transport and consumer tests. */
public final class SampleEntries {

    private SampleEntries() {
    }

    /** Entry number i: pid {@code 20.500.12345/kafka-i}, one file, T01 in degC. */
    public static CatalogEntry entry(int i) {
        return entry(i, 1);
    }

    /** Version {@code version} of entry i (a scan's metadata as sent at start, at end, …): in its description. */
    public static CatalogEntry entry(int i, int version) {
        String pid = "20.500.12345/kafka-" + i;
        Dataset d = Dataset.builder().pid(pid).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(i).numberOfFiles(1)
                .creationTime(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(i)).datasetName("scan " + i)
                .description(version == 1 ? null : "version " + version).ownerGroup("20250042")
                .metadata("T01", MetadataValue.of(21.0 + i / 100.0, "degC")).build();
        return new CatalogEntry(d, List.of(new OrigDatablock(pid + "/orig-0", pid, i, null, "20250042", List.of(),
                List.of(new DataFile("scan_" + i + ".h5", i, d.creationTime(), null)))));
    }
}
