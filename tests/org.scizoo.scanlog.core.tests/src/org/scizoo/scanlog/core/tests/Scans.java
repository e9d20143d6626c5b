package org.scizoo.scanlog.core.tests;

import java.time.Instant;
import java.util.Map;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.MetadataValue;

/** Datasets for the Scanlog's tests: scan i, created i minutes after 08:00, with the given metadata. */
final class Scans {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private Scans() {
    }

    static Dataset scan(int i, Map<String, MetadataValue> metadata) {
        return Dataset.builder().pid("20.500.12345/scanlog-" + i).owner("Ada Lovelace").contactEmail("ada@example.org")
                .sourceFolder("/data/raw").size(i).numberOfFiles(1).creationTime(T0.plusSeconds(60L * i))
                .datasetName("scan " + i).ownerGroup("20250042").scientificMetadata(metadata).build();
    }

    static Dataset scan(int i) {
        return scan(i, Map.of());
    }
}
