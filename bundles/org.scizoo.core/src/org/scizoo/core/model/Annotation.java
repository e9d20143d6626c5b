package org.scizoo.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
    /** The longest comment, in characters. */
    public static final int MAX_COMMENT = 20_000;

    /**
     * What is wrong with {@code value} (stripped) as a change of {@code kind}, or empty when every store may keep
     * it: a rating is 1 to 5, a flag one of {@link #QUALITY_FLAGS}, a metric a number, an IMAGE change here only
     * takes an image away ({@code -id}; images are added with their file).
     */
    public static Optional<String> problem(Kind kind, String value) {
        String v = value;
        return Optional.ofNullable(switch (kind) {
            case COMMENT -> v.length() <= MAX_COMMENT ? null
                    : "A comment holds at most " + MAX_COMMENT + " characters, not " + v.length();
            case RATING -> v.isEmpty() || v.matches("[1-5]") ? null : "A rating is 1 to 5 stars, not '" + v + "'";
            case QUALITY -> QUALITY_FLAGS.contains(v) ? null
                    : "The quality flag is one of " + String.join(", ", QUALITY_FLAGS) + ", not '" + v + "'";
            case QUALITY_METRICS ->
                v.isEmpty() || isNumber(v) ? null : "dataQualityMetrics is a number, not '" + v + "'";
            case IMAGE -> v.startsWith("-") && v.length() > 1 ? null
                    : "Images are added with addImage; an IMAGE change here only takes one away (-id)";
        });
    }

    private static boolean isNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datasetPid, "datasetPid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
    }
}
