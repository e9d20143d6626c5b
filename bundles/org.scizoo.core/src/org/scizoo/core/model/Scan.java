package org.scizoo.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scan as a source sees it (a Sardana {@code ascan}, a simulated scan, an analyser file): the raw
 * material a {@link Dataset} is built from. {@code endTime} is null while the scan runs.
 */
public record Scan(String instrument, long scanId, String command, List<String> detectors, String dataFolder,
        String dataFile, Instant startTime, Instant endTime, String proposalId, String user,
        Map<String, MetadataValue> metadata) {

    public Scan {
        detectors = detectors == null ? List.of() : List.copyOf(detectors);
        metadata = metadata == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public Scan ended(Instant end, Map<String, MetadataValue> moreMetadata) {
        var all = new java.util.LinkedHashMap<>(metadata);
        all.putAll(moreMetadata);
        return new Scan(instrument, scanId, command, detectors, dataFolder, dataFile, startTime, end, proposalId,
                user, all);
    }
}
