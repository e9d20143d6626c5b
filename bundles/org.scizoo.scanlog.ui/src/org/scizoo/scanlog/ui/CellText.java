package org.scizoo.scanlog.ui;

import java.util.List;

import org.scizoo.core.model.Annotation;
import org.scizoo.scanlog.core.AnnotationField;
import org.scizoo.scanlog.core.ScanColumn;

/** How the Scanlog shows a cell, and how an edited cell's text becomes an annotation's value. No SWT here. */
final class CellText {

    static final List<String> RATINGS = List.of("", "★", "★★", "★★★", "★★★★", "★★★★★");
    static final List<String> QUALITIES = Annotation.QUALITY_FLAGS;

    private CellText() {
    }

    static String of(ScanColumn c, int row) {
        if (c.id().equals(AnnotationField.RATING.id())) {
            double stars = c.number(row);
            return Double.isNaN(stars) ? "" : RATINGS.get((int) stars);
        }
        if (c.id().equals(AnnotationField.IMAGES.id())) {
            double n = c.number(row);
            return Double.isNaN(n) ? "" : (int) n + (n == 1 ? " image" : " images");
        }
        return c.text(row);
    }

    static AnnotationField annotationField(String columnId) {
        for (AnnotationField f : AnnotationField.values()) {
            if (f.id().equals(columnId) && f != AnnotationField.IMAGES) {
                return f;
            }
        }
        return null;
    }

    /** The value to store for what a cell editor gave back (stars become 1–5). */
    static String stored(AnnotationField field, Object edited) {
        String v = edited == null ? "" : edited.toString().strip();
        if (field == AnnotationField.RATING) {
            int i = RATINGS.indexOf(v);
            return i > 0 ? Integer.toString(i) : v.matches("[1-5]") ? v : "";
        }
        return v;
    }

    static Annotation.Kind kind(AnnotationField field) {
        return switch (field) {
            case COMMENT -> Annotation.Kind.COMMENT;
            case RATING -> Annotation.Kind.RATING;
            case QUALITY -> Annotation.Kind.QUALITY;
            case QUALITY_METRICS -> Annotation.Kind.QUALITY_METRICS;
            case IMAGES -> Annotation.Kind.IMAGE;
        };
    }
}
