package org.scizoo.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One saved version of a beamline's SciDog configuration. */
public record MetadataConfig(String instrument, int version, String author, Instant savedAt,
        List<MetadataEntry> entries) {

    public MetadataConfig {
        Objects.requireNonNull(instrument, "instrument");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
