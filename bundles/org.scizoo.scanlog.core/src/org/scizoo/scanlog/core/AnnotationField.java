package org.scizoo.scanlog.core;

import org.scizoo.scanlog.core.ScanColumn.Kind;

/** The Scanlog's own columns, from users' annotations (kept apart from the raw dataset). */
public enum AnnotationField {
    COMMENT("comment", "Comment", Kind.TEXT),
    RATING("rating", "Rating", Kind.NUMBER),
    QUALITY("quality", "Quality", Kind.TEXT),
    QUALITY_METRICS("dataQualityMetrics", "Quality metrics", Kind.NUMBER),
    IMAGES("images", "Images", Kind.NUMBER);

    private final String id;
    private final String header;
    private final Kind kind;

    AnnotationField(String id, String header, Kind kind) {
        this.id = id;
        this.header = header;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public String header() {
        return header;
    }

    public Kind kind() {
        return kind;
    }
}
