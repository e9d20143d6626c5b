package org.scizoo.core.ports;

import java.time.Instant;

/** One attribute read from a device: a value with unit, quality and time, or the error instead. */
public record AttributeReading(String device, String attribute, Object value, String unit, String quality,
        Instant timestamp, String error) {

    public static AttributeReading failed(String device, String attribute, String error) {
        return new AttributeReading(device, attribute, null, null, null, null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
