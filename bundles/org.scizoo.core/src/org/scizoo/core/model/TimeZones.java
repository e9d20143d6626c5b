package org.scizoo.core.model;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Time zones as people type them ({@code Europe/Stockholm}, {@code UTC}, {@code +01:00}): the zone of a
 * beamline's computers, whose clocks write local times without saying which (a Door, Scienta SES files).
 */
public final class TimeZones {

    private TimeZones() {
    }

    /** @throws IllegalArgumentException with examples when the text names no zone */
    public static ZoneId parse(String text) {
        try {
            return ZoneId.of(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time zone (e.g. Europe/Stockholm, UTC, +01:00)",
                    e);
        }
    }
}
