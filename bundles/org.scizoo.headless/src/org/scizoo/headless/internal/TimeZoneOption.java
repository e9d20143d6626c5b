package org.scizoo.headless.internal;

import java.util.Optional;

import org.scizoo.core.model.TimeZones;
import org.scizoo.headless.Args;
import org.scizoo.headless.UsageException;

/**
 * {@code --time-zone ZONE}: the beamline computers' time zone. A Sardana Door's start times and a Scienta
 * analyser's file dates are local times without a zone; read in this machine's zone, an ingestion server
 * that runs in UTC would file every scan hours off.
 */
final class TimeZoneOption {

    static final String NAME = "time-zone";

    private TimeZoneOption() {
    }

    /** The zone's id as the sources take it, checked; empty when the option is not given. */
    static Optional<String> of(Args args) throws UsageException {
        String value = args.value(NAME);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeZones.parse(value).getId());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + NAME + " " + e.getMessage());
        }
    }
}
