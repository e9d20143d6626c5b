package org.scizoo.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link org.scizoo.core.ports.MetadataExtractor} read from a data file's header: the format, when the
 * acquisition started, the sample and user as the analyser software recorded them, the region names, and
 * the rest as {@code scientificMetadata} (with units where they apply). Any of the named fields may be null
 * (or empty) when the file does not say.
 */
public record FileMetadata(String format, Instant startTime, String sample, String user, List<String> regions,
        Map<String, MetadataValue> metadata) {

    public FileMetadata {
        Objects.requireNonNull(format, "format");
        regions = regions == null ? List.of() : List.copyOf(regions);
        metadata = metadata == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
