package org.scizoo.scanlog.core;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A column's text values, dictionary-coded: one {@code int} per row and each distinct string once. The
 * dictionary is a sorted map, so the rank of every distinct value is one walk of the map, without
 * sorting a million strings: sorting a text column is then a counting sort of the rows by rank.
 * <p>
 * One writer (the Scanlog's worker thread). Readers on other threads may call {@link #get} for rows
 * published before; a row rewritten meanwhile may read as empty until the next refresh, never throw.
 */
final class TextValues {

    static final int NONE = -1;

    private int[] codes;
    private String[] dictionary = new String[64];
    private int distinct;
    private final TreeMap<String, Integer> index = new TreeMap<>(NaturalOrder.INSTANCE);
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
            ranks = null;
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

    /** The sort rank of each code (0 = first in {@link NaturalOrder}); kept until a new value comes. */
    int[] ranks() {
        if (ranks == null) {
            int[] r = new int[distinct];
            int rank = 0;
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                r[e.getValue()] = rank++;
            }
            ranks = r;
        }
        return ranks;
    }
}
