package org.scizoo.core.tests;

import java.time.Instant;
import java.util.List;

import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.DatasetType;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.model.Technique;

/** A dataset with every field set, the way a SAXS scan is recorded. */
final class SampleDatasets {

    private SampleDatasets() {
    }

    static Dataset full() {
        return Dataset.builder()
                .pid("20.500.12345/0b1c2d3e-aaaa-bbbb-cccc-1234567890ab")
                .owner("Ada Lovelace").contactEmail("ada.lovelace@example.org").ownerEmail("ada.lovelace@example.org")
                .sourceFolder("/data/visitors/cosaxs/20250042/raw").size(123_456_789L).numberOfFiles(2)
                .creationTime(Instant.parse("2026-11-21T08:53:41.123Z")).type(DatasetType.RAW)
                .datasetName("cosaxs scan 1234").ownerGroup("20250042")
                .description("ascan mot01 0.0 1.0 10 0.1")
                .principalInvestigators(List.of("ada.lovelace@example.org")).proposalIds(List.of("20250042"))
                .sampleIds(List.of("lysozyme-3")).instrumentIds(List.of("cosaxs"))
                .accessGroups(List.of("cosaxs", "staff")).keywords(List.of("SAXS", "ascan"))
                .techniques(List.of(new Technique("PaNET01188", "small angle x-ray scattering")))
                .startTime(Instant.parse("2026-11-21T08:53:40Z")).endTime(Instant.parse("2026-11-21T08:53:41.123Z"))
                .creationLocation("MAX IV CoSAXS").dataFormat("NeXus/HDF5").runNumber("1234")
                .isPublished(false).comment("first good shot").dataQualityMetrics(0.9)
                .metadata("T01", MetadataValue.of(21.5, "degC"))
                .metadata("T02", MetadataValue.of(22, "degC"))
                .metadata("sample_description", MetadataValue.of("lysozyme in 50 mM HEPES"))
                .metadata("eiger_nbimages", MetadataValue.of(100))
                .metadata("detectors", MetadataValue.of(List.of("eiger", "pilatus")))
                .metadata("shutter_open", MetadataValue.of(true))
                .metadata("water_bath", new MetadataValue(19.98, "degC", "environment", "ALARM",
                        Instant.parse("2026-11-21T08:53:41.5Z")))
                .createdBy("scizoo-ingest").createdAt(Instant.parse("2026-11-21T08:53:42.5Z"))
                .build();
    }
}
