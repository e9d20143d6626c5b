package org.scizoo.scanlog.core;

import java.util.Arrays;

/**
 * Orders rows by one column without comparing objects: numbers by an LSD radix sort of their bits, text
 * by a counting sort of dictionary ranks. Both are stable, so rows with equal values keep the order they
 * came in (newest first), and rows without a value go last whichever the direction. A million rows sort
 * in tens of milliseconds.
 */
final class RowSorter {

    private RowSorter() {
    }

    /** Rows of the table, newest ({@code creationTime}) first; equal times: the row added last first. */
    static int[] newestFirst(ScanTable table) {
        int n = table.size();
        int[] base = new int[n];
        for (int i = 0; i < n; i++) {
            base[i] = n - 1 - i;
        }
        return sort(base, table.column(DatasetField.CREATED.id()), false);
    }

    static int[] sort(int[] base, ScanColumn column, boolean ascending) {
        int n = base.length;
        TextValues text = column.textValues();
        int[] numberRows = new int[n];
        long[] numberKeys = new long[n];
        int[] textRows = new int[n];
        int[] missing = new int[n];
        int numbers = 0;
        int texts = 0;
        int none = 0;
        for (int r : base) {
            double v = column.number(r);
            if (!Double.isNaN(v)) {
                long key = sortable(v);
                numberKeys[numbers] = ascending ? key : ~key;
                numberRows[numbers++] = r;
            } else if (text.code(r) != TextValues.NONE) {
                textRows[texts++] = r;
            } else {
                missing[none++] = r;
            }
        }
        radixSort(numberKeys, numberRows, numbers);
        int[] out = new int[n];
        System.arraycopy(numberRows, 0, out, 0, numbers);
        if (texts > 0) {
            countingSortByRank(textRows, texts, text, ascending, out, numbers);
        }
        System.arraycopy(missing, 0, out, numbers + texts, none);
        return out;
    }

    /** The double's bits as an unsigned long in the same order as the doubles. */
    static long sortable(double v) {
        long bits = Double.doubleToLongBits(v == 0.0 ? 0.0 : v); // -0.0 sorts with 0.0
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    /** Stable LSD radix sort of {@code rows} by unsigned {@code keys}, 16 bits a pass; passes where all agree are skipped. */
    static void radixSort(long[] keys, int[] rows, int n) {
        long[] k = keys;
        int[] r = rows;
        long[] k2 = new long[n];
        int[] r2 = new int[n];
        int[] count = new int[65537];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((k[i] >>> shift) & 0xFFFF) + 1]++;
            }
            if (n == 0 || count[(int) ((k[0] >>> shift) & 0xFFFF) + 1] == n) {
                continue;
            }
            for (int d = 0; d < 65536; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) ((k[i] >>> shift) & 0xFFFF)]++;
                k2[at] = k[i];
                r2[at] = r[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] tr = r;
            r = r2;
            r2 = tr;
        }
        if (r != rows) {
            System.arraycopy(r, 0, rows, 0, n);
            System.arraycopy(k, 0, keys, 0, n);
        }
    }

    private static void countingSortByRank(int[] rows, int n, TextValues text, boolean ascending, int[] out,
            int offset) {
        int[] ranks = text.ranks();
        int distinct = ranks.length;
        int[] count = new int[distinct + 1];
        for (int i = 0; i < n; i++) {
            int rank = ranks[text.code(rows[i])];
            count[(ascending ? rank : distinct - 1 - rank) + 1]++;
        }
        for (int d = 0; d < distinct; d++) {
            count[d + 1] += count[d];
        }
        for (int i = 0; i < n; i++) {
            int rank = ranks[text.code(rows[i])];
            out[offset + count[ascending ? rank : distinct - 1 - rank]++] = rows[i];
        }
    }
}
