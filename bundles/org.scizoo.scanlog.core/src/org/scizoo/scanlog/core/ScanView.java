package org.scizoo.scanlog.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What the table shows: the table's rows, sorted by one column and filtered by column filters and a free
 * text, as an array of row indices. Recomputed whole on the worker thread (a million rows in tens of
 * milliseconds); the result is immutable and handed to the display thread.
 * <p>
 * The newest-first order and the last sort are cached until the table changes.
 */
public final class ScanView {

    /** A sort by one column; {@code null} column = newest first. */
    public record Sort(String columnId, boolean ascending) {
        public static final Sort NEWEST_FIRST = new Sort(null, false);
    }

    /** The rows shown, in order. Immutable; handed from the worker to the display thread. */
    public static final class Rows {

        private final int[] rows;
        private final int held;
        /** Where each table row is shown (-1: not shown); built on the first {@link #indexOf}. */
        private volatile int[] positions;

        Rows(int[] rows, int held) {
            this.rows = rows;
            this.held = held;
        }

        /** The table rows shown, in order (do not modify). */
        public int[] rows() {
            return rows;
        }

        /** How many rows the table held when this was computed (shown or not). */
        public int held() {
            return held;
        }

        public int size() {
            return rows.length;
        }

        public int row(int index) {
            return rows[index];
        }

        /**
         * Where a table row is shown, or -1. NatTable asks this for every selected row, so after one pass
         * that builds the index it is a lookup, not a search of a million rows.
         */
        public int indexOf(int row) {
            int[] p = positions;
            if (p == null) {
                p = new int[held];
                Arrays.fill(p, -1);
                for (int i = 0; i < rows.length; i++) {
                    p[rows[i]] = i;
                }
                positions = p;
            }
            return row >= 0 && row < p.length ? p[row] : -1;
        }
    }

    private final ScanTable table;
    private long baseVersion = -1;
    private long baseRewrites = -1;
    private int[] base;
    private long sortedVersion = -1;
    private Sort sortedBy;
    private int[] sorted;

    public ScanView(ScanTable table) {
        this.table = table;
    }

    /**
     * @param searchColumns the columns the free text searches (those shown)
     * @throws IllegalArgumentException when the sort column is unknown
     */
    public Rows compute(Sort sort, Collection<ColumnFilter> filters, String freeText, List<String> searchColumns) {
        long version = table.version();
        int[] order = sorted(sort, version);
        int size = order.length;
        boolean[] pass = null;
        for (ColumnFilter f : filters) {
            ScanColumn c = table.column(f.columnId());
            if (c == null || f.expression().isEmpty()) {
                continue;
            }
            if (pass == null) {
                pass = allTrue(size);
            }
            f.apply(c, size, pass);
        }
        if (freeText != null && !freeText.isBlank()) {
            if (pass == null) {
                pass = allTrue(size);
            }
            freeText(freeText.strip(), searchColumns, size, pass);
        }
        if (pass == null) {
            return new Rows(order, size);
        }
        int[] shown = new int[size];
        int k = 0;
        for (int r : order) {
            if (pass[r]) {
                shown[k++] = r;
            }
        }
        return new Rows(Arrays.copyOf(shown, k), size);
    }

    private int[] sorted(Sort sort, long version) {
        if (baseVersion != version) {
            // Rows only added since (live scans): merge them in. Rows rewritten: sort again.
            base = baseRewrites == table.rewrites() && base != null
                    ? RowSorter.mergeNewestFirst(table, base) : RowSorter.newestFirst(table);
            baseVersion = version;
            baseRewrites = table.rewrites();
        }
        if (sort == null || sort.columnId() == null) {
            return base;
        }
        if (sort.columnId().equals(DatasetField.CREATED.id())) {
            return sort.ascending() ? RowSorter.reversed(base, table) : base; // the base is this sort already
        }
        if (sortedVersion != version || !sort.equals(sortedBy)) {
            ScanColumn c = table.column(sort.columnId());
            if (c == null) {
                throw new IllegalArgumentException("No column " + sort.columnId() + " to sort by");
            }
            sorted = RowSorter.sort(base, c, sort.ascending());
            sortedBy = sort;
            sortedVersion = version;
        }
        return sorted;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean v : values) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] allTrue(int size) {
        boolean[] pass = new boolean[size];
        Arrays.fill(pass, true);
        return pass;
    }

    /** A row passes when any searched column's text contains the words, ignoring case. */
    private void freeText(String needle, List<String> columns, int size, boolean[] pass) {
        TextMatch match = new TextMatch(needle);
        boolean[] any = new boolean[size];
        for (String id : columns) {
            ScanColumn c = table.column(id);
            if (c == null) {
                continue;
            }
            TextValues values = c.textValues();
            if (values.distinct() > 0) {
                boolean[] hit = match.codes(values);
                if (!anyTrue(hit)) {
                    continue; // the text is nowhere in this column: no need to look at its rows
                }
                for (int r = 0; r < size; r++) {
                    int code = values.code(r);
                    any[r] |= code >= 0 && hit[code];
                }
            }
        }
        for (int r = 0; r < size; r++) {
            pass[r] &= any[r];
        }
    }
}
