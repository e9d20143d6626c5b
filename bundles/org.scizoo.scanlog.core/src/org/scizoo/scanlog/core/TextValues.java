package org.scizoo.scanlog.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A column's text values, dictionary-coded: one {@code int} per row and each distinct string once. Sorting
 * a text column is a counting sort of the rows by the rank of their code; the ranks come from the
 * dictionary kept in {@link NaturalOrder}, sorted once (see {@link #prepareRanks()}) and afterwards merged
 * with the few values that arrive live, never sorted whole again.
 * <p>
 * One writer (the Scanlog's worker thread). Readers on other threads may call {@link #get} for rows
 * published before; a row rewritten meanwhile may read as empty until the next refresh, never throw.
 */
final class TextValues {

    static final int NONE = -1;

    private int[] codes;
    private String[] dictionary = new String[64];
    private int distinct;
    private final Map<String, Integer> index = new HashMap<>();
    /** Codes in natural order of their values; covers the first {@code sortedCount} codes. */
    private int[] sorted = new int[0];
    private int[] ranks;

    TextValues(int capacity) {
        codes = new int[Math.max(capacity, 16)];
        Arrays.fill(codes, NONE);
    }

    void ensureCapacity(int rows) {
        if (rows > codes.length) {
            int old = codes.length;
            int[] grown = Arrays.copyOf(codes, Math.max(rows, old + (old >> 1)));
            Arrays.fill(grown, old, grown.length, NONE);
            codes = grown;
        }
    }

    void set(int row, String value) {
        ensureCapacity(row + 1);
        if (value == null) {
            codes[row] = NONE;
            return;
        }
        Integer code = index.get(value);
        if (code == null) {
            if (distinct == dictionary.length) {
                dictionary = Arrays.copyOf(dictionary, distinct * 2);
            }
            code = distinct;
            dictionary[distinct++] = value;
            index.put(value, code);
        }
        codes[row] = code;
    }

    /** The row's text, or {@code null}. */
    String get(int row) {
        int[] c = codes;
        if (row >= c.length) {
            return null;
        }
        int code = c[row];
        String[] d = dictionary;
        return code < 0 || code >= d.length ? null : d[code];
    }

    int code(int row) {
        return row < codes.length ? codes[row] : NONE;
    }

    int distinct() {
        return distinct;
    }

    String value(int code) {
        return dictionary[code];
    }

    /** The first position in {@code sorted[from, to)} whose value comes after {@code value}. */
    private int insertionPoint(String[] d, String value, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (NaturalOrder.INSTANCE.compare(d[sorted[mid]], value) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The sort rank of each code (0 = first in {@link NaturalOrder}). */
    int[] ranks() {
        prepareRanks();
        return ranks;
    }

    /**
     * Brings the ranks up to date: the codes added since the last time are sorted among themselves and
     * merged into the sorted dictionary, so a live scan costs a merge, not a sort of a million strings.
     * The session calls this when a load is done, before anyone sorts.
     */
    void prepareRanks() {
        if (ranks != null && ranks.length == distinct) {
            return;
        }
        int known = sorted.length;
        Integer[] fresh = new Integer[distinct - known];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = known + i;
        }
        String[] d = dictionary;
        Arrays.parallelSort(fresh, (a, b) -> NaturalOrder.INSTANCE.compare(d[a], d[b]));
        // Each new value finds its place by binary search (log d comparisons); the runs of known codes
        // between are copied whole. Comparing every known value instead costs a million string
        // comparisons for one live scan.
        int[] merged = new int[distinct];
        int from = 0;
        int k = 0;
        for (Integer code : fresh) {
            int at = insertionPoint(d, d[code], from, known);
            System.arraycopy(sorted, from, merged, k, at - from);
            k += at - from;
            merged[k++] = code;
            from = at;
        }
        System.arraycopy(sorted, from, merged, k, known - from);
        int[] r = new int[distinct];
        for (int rank = 0; rank < distinct; rank++) {
            r[merged[rank]] = rank;
        }
        sorted = merged;
        ranks = r;
    }
}
