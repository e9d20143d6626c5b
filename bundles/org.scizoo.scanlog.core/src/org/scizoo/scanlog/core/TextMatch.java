package org.scizoo.scanlog.core;

/** A case-insensitive substring test, quick on a million values: no lower-cased copies are made. */
final class TextMatch {

    private final String needle;
    private final char firstLower;
    private final char firstUpper;
    private final boolean caseless;

    TextMatch(String needle) {
        this.needle = needle;
        this.firstLower = needle.isEmpty() ? 0 : Character.toLowerCase(needle.charAt(0));
        this.firstUpper = needle.isEmpty() ? 0 : Character.toUpperCase(needle.charAt(0));
        this.caseless = needle.chars().noneMatch(c -> Character.toLowerCase(c) != Character.toUpperCase(c));
    }

    boolean matches(String haystack) {
        if (haystack == null) {
            return false;
        }
        if (caseless) {
            return haystack.contains(needle);
        }
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            char c = haystack.charAt(i);
            if ((c == firstLower || c == firstUpper) && haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which of the column's distinct text values match: each is tested once, however many rows share it;
     * a column of a million different values (names, paths) is searched on every core.
     */
    boolean[] codes(TextValues text) {
        boolean[] hit = new boolean[text.distinct()];
        if (hit.length < PARALLEL_FROM) {
            for (int c = 0; c < hit.length; c++) {
                hit[c] = matches(text.value(c));
            }
        } else {
            java.util.stream.IntStream.range(0, hit.length).parallel().forEach(c -> hit[c] = matches(text.value(c)));
        }
        return hit;
    }

    private static final int PARALLEL_FROM = 50_000;
}
