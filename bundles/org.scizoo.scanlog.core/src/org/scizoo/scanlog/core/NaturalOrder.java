package org.scizoo.scanlog.core;

import java.util.Comparator;

/**
 * The order people expect of scan names: case ignored, and runs of digits compared as numbers, so
 * {@code scan 9} comes before {@code scan 10}. Strings that differ only in case or leading zeros are
 * still told apart (by plain {@link String#compareTo}), so this is a total order fit for a sorted map.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ea = digitsEnd(a, i);
                int eb = digitsEnd(b, j);
                int c = compareNumbers(a, i, ea, b, j, eb);
                if (c != 0) {
                    return c;
                }
                i = ea;
                j = eb;
            } else {
                if (ca != cb) {
                    int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                    if (c != 0) {
                        return c;
                    }
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int compareNumbers(String a, int ia, int ea, String b, int ib, int eb) {
        while (ia < ea - 1 && a.charAt(ia) == '0') {
            ia++;
        }
        while (ib < eb - 1 && b.charAt(ib) == '0') {
            ib++;
        }
        int c = Integer.compare(ea - ia, eb - ib);
        for (int k = 0; c == 0 && k < ea - ia; k++) {
            c = Character.compare(a.charAt(ia + k), b.charAt(ib + k));
        }
        return c;
    }
}
