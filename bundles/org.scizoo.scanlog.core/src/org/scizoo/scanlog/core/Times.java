package org.scizoo.scanlog.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times as users type them in a Scanlog: {@code 2026-11-20}, {@code 2026-11-20 14:30}, {@code 2026-11-20T14:30:05}, local time. */
public final class Times {

    private Times() {
    }

    /** When the typed day, minute or second starts. @throws IllegalArgumentException for anything else */
    public static Instant start(String typed) {
        return Instant.ofEpochMilli(bounds(typed)[0]);
    }

    /** When the typed day, minute or second ends (exclusive). */
    public static Instant end(String typed) {
        return Instant.ofEpochMilli(bounds(typed)[1]);
    }

    /** Start and end (exclusive), epoch milliseconds. */
    static long[] bounds(String typed) {
        String t = typed.strip().replace(' ', 'T');
        ZoneId zone = ZoneId.systemDefault();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return new long[] { d.atStartOfDay(zone).toInstant().toEpochMilli(),
                        d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() };
            }
            long start = LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
            return new long[] { start, start + (t.length() <= 16 ? 60_000 : 1000) };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + typed.strip() + "' is not a date (2026-11-20) or time (2026-11-20 14:30)");
        }
    }
}
