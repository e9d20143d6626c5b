package org.scizoo.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SciCat (backend v4) dataset, as stored in collection {@code Dataset} with {@code _id = pid}.
 * <p>
 * The first block of components are the fields SciCat requires. Raw metadata is read-only once
 * ingested; user annotations (comments, ratings, images) live apart, in {@link Annotation}s.
 * Lists and maps are copied and unmodifiable; {@code scientificMetadata} keeps insertion order.
 */
public record Dataset(
        String pid,
        String owner,
        String contactEmail,
        String sourceFolder,
        long size,
        long numberOfFiles,
        Instant creationTime,
        DatasetType type,
        String datasetName,
        String ownerGroup,
        // optional (may be null or empty)
        String ownerEmail,
        String description,
        List<String> principalInvestigators,
        List<String> proposalIds,
        List<String> sampleIds,
        List<String> instrumentIds,
        List<String> accessGroups,
        List<String> keywords,
        List<Technique> techniques,
        Instant startTime,
        Instant endTime,
        String creationLocation,
        String dataFormat,
        String runNumber,
        boolean isPublished,
        String comment,
        Double dataQualityMetrics,
        Map<String, MetadataValue> scientificMetadata,
        String createdBy,
        Instant createdAt) {

    /** The fields SciCat refuses a dataset without. */
    public static final List<String> REQUIRED_FIELDS = List.of("pid", "owner", "contactEmail", "sourceFolder",
            "size", "numberOfFiles", "creationTime", "type", "datasetName", "ownerGroup");

    public Dataset {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(contactEmail, "contactEmail");
        Objects.requireNonNull(sourceFolder, "sourceFolder");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(ownerGroup, "ownerGroup");
        // MongoDB (and so SciCat) keeps milliseconds: truncate here so a stored dataset equals the original.
        creationTime = millis(creationTime);
        startTime = millis(startTime);
        endTime = millis(endTime);
        createdAt = millis(createdAt);
        principalInvestigators = copy(principalInvestigators);
        proposalIds = copy(proposalIds);
        sampleIds = copy(sampleIds);
        instrumentIds = copy(instrumentIds);
        accessGroups = copy(accessGroups);
        keywords = copy(keywords);
        techniques = copy(techniques);
        scientificMetadata = scientificMetadata == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scientificMetadata));
        scientificMetadata.keySet().forEach(k -> {
            if (!MetadataKeys.isSafe(k)) {
                throw new IllegalArgumentException("scientificMetadata key '" + k
                        + "' is not a safe MongoDB field name; use MetadataKeys.safe()");
            }
        });
    }

    private static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    public static DatasetBuilder builder() {
        return new DatasetBuilder();
    }

    public DatasetBuilder toBuilder() {
        return new DatasetBuilder(this);
    }

    /** A metadata value by key, or {@code null}. */
    public MetadataValue metadata(String key) {
        return scientificMetadata.get(key);
    }
}
