package org.scizoo.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's note on a dataset (comment, star rating, data-quality flag, image reference), kept apart
 * from the read-only raw dataset. Each change is a new annotation with its author and time.
 */
public record Annotation(String id, String datasetPid, Kind kind, String value, String author, Instant time) {

    public enum Kind {
        COMMENT, RATING, QUALITY, IMAGE
    }

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datasetPid, "datasetPid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
    }
}
