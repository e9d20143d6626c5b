package org.scizoo.core.ports;

import java.time.Duration;
import java.util.List;

/**
 * Reads attributes of a control-system device (Tango, or the simulated beamline's devices). Several may be
 * installed: {@link Devices#reader} sends each device to the first, by service ranking, that reads it.
 */
public interface DeviceReader {

    /** Whether this reader reads the device (by its name's form); a control system's own reader reads all. */
    default boolean reads(String device) {
        return true;
    }

    /**
     * Reads the attributes of one device in one request. Never throws for a device or attribute problem:
     * each failing attribute comes back as a reading with its error.
     */
    List<AttributeReading> read(String device, List<String> attributes, Duration timeout);
}
