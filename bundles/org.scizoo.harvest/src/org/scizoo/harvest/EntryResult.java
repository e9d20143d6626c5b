package org.scizoo.harvest;

import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.AttributeReading;

/** What one configured entry gave: its reading (with value, unit, quality, time) or its error. */
public record EntryResult(MetadataEntry entry, AttributeReading reading) {

    public boolean ok() {
        return reading.ok();
    }

    /** The unit to record: the configured one, else the attribute's own from its Tango configuration. */
    public String unit() {
        if (entry.unit() != null && !entry.unit().isBlank()) {
            return entry.unit();
        }
        String u = reading.unit();
        return u == null || u.isBlank() || u.equals("No unit") ? null : u;
    }

    /** The entry as {@code {value, unit}} with its group, quality and time, or null when it failed. */
    public MetadataValue value() {
        return ok() ? new MetadataValue(reading.value(), unit(), entry.group(), reading.quality(), reading.timestamp())
                : null;
    }

    public String error() {
        return reading.error();
    }
}
