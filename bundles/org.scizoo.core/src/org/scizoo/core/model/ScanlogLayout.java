package org.scizoo.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named Scanlog layout of one user on one beamline: the columns in order with their widths (hidden ones
 * are simply absent), the sort and the column filters.
 */
public record ScanlogLayout(String beamline, String user, String name, List<Column> columns, String sortColumn,
        boolean ascending, Map<String, String> filters, Instant saved) {

    /** A shown column. */
    public record Column(String id, int width) {
        public Column {
            Objects.requireNonNull(id, "id");
            if (width <= 0) {
                throw new IllegalArgumentException("column " + id + " needs a positive width, not " + width);
            }
        }
    }

    public ScanlogLayout {
        Objects.requireNonNull(beamline, "beamline");
        Objects.requireNonNull(user, "user");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A layout needs a name");
        }
        name = name.strip();
        columns = List.copyOf(columns);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }
}
