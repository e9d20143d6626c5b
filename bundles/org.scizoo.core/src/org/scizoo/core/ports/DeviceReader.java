package org.scizoo.core.ports;

import java.time.Duration;
import java.util.List;

/** Reads attributes of a control-system device (Tango). */
public interface DeviceReader {

    /**
     * Reads the attributes of one device in one request. Never throws for a device or attribute problem:
     * each failing attribute comes back as a reading with its error.
     */
    List<AttributeReading> read(String device, List<String> attributes, Duration timeout);
}
