package org.scizoo.scanlog.core;

import java.util.Map;

import org.scizoo.core.model.Annotations;

/** Puts datasets' current annotations into the table's annotation columns. */
public final class AnnotationColumns {

    private AnnotationColumns() {
    }

    public static void apply(ScanTable table, Annotations a) {
        table.annotate(a.datasetPid(), AnnotationField.COMMENT, a.comment());
        table.annotate(a.datasetPid(), AnnotationField.RATING, a.rating());
        table.annotate(a.datasetPid(), AnnotationField.QUALITY, a.quality());
        table.annotate(a.datasetPid(), AnnotationField.QUALITY_METRICS, a.qualityMetrics());
        table.annotate(a.datasetPid(), AnnotationField.IMAGES, a.imageIds().isEmpty() ? null : a.imageIds().size());
    }

    public static void applyAll(ScanTable table, Map<String, Annotations> current) {
        current.values().forEach(a -> apply(table, a));
    }
}
