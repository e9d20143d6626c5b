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

    /**
     * The newest-first order after rows were appended to the table: the new rows (few: a live batch) are
     * placed by binary search, the runs of the old order between them copied whole.
     */
    static int[] mergeNewestFirst(ScanTable table, int[] previous) {
        int n = table.size();
        int added = n - previous.length;
        if (added <= 0) {
            return previous;
        }
        ScanColumn created = table.column(DatasetField.CREATED.id());
        int[] fresh = new int[added];
        for (int i = 0; i < added; i++) {
            fresh[i] = n - 1 - i;
        }
        fresh = sort(fresh, created, false);
        int[] out = new int[n];
        int from = 0;
        int k = 0;
        for (int row : fresh) {
            int at = placeNewestFirst(previous, from, created, row);
            System.arraycopy(previous, from, out, k, at - from);
            k += at - from;
            out[k++] = row;
            from = at;
        }
        System.arraycopy(previous, from, out, k, previous.length - from);
        return out;
    }

    /** The first index in {@code order[from..]} that {@code row} goes before, newest first (later rows first on ties). */
    private static int placeNewestFirst(int[] order, int from, ScanColumn created, int row) {
        double t = created.number(row);
        int lo = from;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double m = created.number(order[mid]);
            boolean rowFirst = Double.isNaN(m) ? !Double.isNaN(t) || row > order[mid]
                    : !Double.isNaN(t) && (t > m || t == m && row > order[mid]);
            if (rowFirst) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Oldest first from newest first; rows without a time stay last. */
    static int[] reversed(int[] newestFirst, ScanTable table) {
        ScanColumn created = table.column(DatasetField.CREATED.id());
        int n = newestFirst.length;
        int timed = n;
        while (timed > 0 && Double.isNaN(created.number(newestFirst[timed - 1]))) {
            timed--;
        }
        int[] out = new int[n];
        for (int i = 0; i < timed; i++) {
            out[i] = newestFirst[timed - 1 - i];
        }
        System.arraycopy(newestFirst, timed, out, timed, n - timed);
        return out;
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
        int[] out = new int[n];
        if (!countingSortFewValues(numberKeys, numberRows, numbers, out)) {
            radixSort(numberKeys, numberRows, numbers);
            System.arraycopy(numberRows, 0, out, 0, numbers);
        }
        if (texts > 0) {
            countingSortByRank(textRows, texts, text, ascending, out, numbers);
        }
        System.arraycopy(missing, 0, out, numbers + texts, none);
        return out;
    }

    static final int FEW = 1 << 14;

    /**
     * Most metadata columns hold few distinct values (a temperature in tenths, a sample's buffer): their keys
     * are ranked once (a sort of the distinct keys) and the rows counting-sorted by rank, one pass instead of
     * a radix sort's several. Gives up (false) at more than {@value #FEW} distinct values.
     */
    private static boolean countingSortFewValues(long[] keys, int[] rows, int n, int[] out) {
        int capacity = FEW * 4;
        long[] table = new long[capacity];
        int[] slotOfKey = new int[capacity];
        boolean[] used = new boolean[capacity];
        int[] slots = new int[n];
        long[] distinct = new long[FEW];
        int d = 0;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            int h = (int) ((key ^ (key >>> 29)) * 0x9E3779B97F4A7C15L >>> 46) & (capacity - 1);
            while (used[h] && table[h] != key) {
                h = (h + 1) & (capacity - 1);
            }
            if (!used[h]) {
                if (d == FEW) {
                    return false;
                }
                used[h] = true;
                table[h] = key;
                slotOfKey[h] = d;
                distinct[d++] = key;
            }
            slots[i] = slotOfKey[h];
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        long[] dk = distinct;
        java.util.Arrays.sort(order, (a, b) -> Long.compareUnsigned(dk[a], dk[b]));
        int[] rank = new int[d];
        for (int r = 0; r < d; r++) {
            rank[order[r]] = r;
        }
        int[] count = new int[d + 1];
        for (int i = 0; i < n; i++) {
            count[rank[slots[i]] + 1]++;
        }
        for (int r = 0; r < d; r++) {
            count[r + 1] += count[r];
        }
        for (int i = 0; i < n; i++) {
            out[count[rank[slots[i]]]++] = rows[i];
        }
        return true;
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
