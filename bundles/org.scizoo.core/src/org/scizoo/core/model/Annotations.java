package org.scizoo.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The current annotations of one dataset, folded from its history: the latest comment, rating, quality flag
 * and metric, and the images added and not taken away.
 */
public record Annotations(String datasetPid, String comment, Integer rating, String quality, Double qualityMetrics,
        List<String> imageIds) {

    public Annotations {
        Objects.requireNonNull(datasetPid, "datasetPid");
        imageIds = List.copyOf(imageIds);
    }

    /** Folds a history, oldest first. */
    public static Annotations of(String datasetPid, List<Annotation> history) {
        String comment = null;
        Integer rating = null;
        String quality = null;
        Double metrics = null;
        LinkedHashSet<String> images = new LinkedHashSet<>();
        for (Annotation a : history) {
            String v = a.value() == null || a.value().isEmpty() ? null : a.value();
            switch (a.kind()) {
                case COMMENT -> comment = v;
                case RATING -> rating = v == null ? null : Integer.valueOf(v);
                case QUALITY -> quality = v;
                case QUALITY_METRICS -> metrics = v == null ? null : Double.valueOf(v);
                case IMAGE -> {
                    if (v != null && v.startsWith("-")) {
                        images.remove(v.substring(1));
                    } else if (v != null) {
                        images.add(v);
                    }
                }
            }
        }
        return new Annotations(datasetPid, comment, rating, quality, metrics, new ArrayList<>(images));
    }
}
