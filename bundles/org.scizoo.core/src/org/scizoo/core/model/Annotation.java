package org.scizoo.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's note on a dataset (comment, star rating, data-quality flag, quality metric, image reference),
 * kept apart from the read-only raw dataset. Each change is a new annotation with its author and time;
 * the latest of a kind is the current one (images add up), the rest is history.
 */
public record Annotation(String id, String datasetPid, Kind kind, String value, String author, Instant time) {

    public enum Kind {
        /** Any text, several lines; empty clears it. */
        COMMENT,
        /** 1 to 5 stars; empty clears it. */
        RATING,
        /** good, bad or unknown. */
        QUALITY,
        /** SciCat's dataQualityMetrics: a number; empty clears it. */
        QUALITY_METRICS,
        /** The id of an image added; {@code -id} when it was taken away again. */
        IMAGE
    }

    /** The quality flags. */
    public static final java.util.List<String> QUALITY_FLAGS = java.util.List.of("good", "bad", "unknown");

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datasetPid, "datasetPid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
    }
}
