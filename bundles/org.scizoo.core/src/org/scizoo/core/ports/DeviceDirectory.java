package org.scizoo.core.ports;

import java.util.List;

/**
 * A control system's device tree, as Jive shows Tango's: domains, families, members, then a device's
 * attributes. {@code host} is the directory's address ({@code TANGO_HOST}, {@code host:port}). Several may
 * be installed: {@link Devices#directory} asks the one that names the host itself ({@link #hosts()}), else
 * the first, by service ranking, that serves the host or device.
 */
public interface DeviceDirectory {

    /** Whether this directory serves the host (or the device, for {@link #attributes}); Tango's serves all. */
    default boolean serves(String hostOrDevice) {
        return true;
    }

    /** The hosts this directory knows without being told (the simulated beamline's {@code sim}); often none. */
    default List<String> hosts() {
        return List.of();
    }

    /** @throws CatalogException with a user-facing message when the directory cannot be reached */
    List<String> domains(String host) throws CatalogException;

    List<String> families(String host, String domain) throws CatalogException;

    List<String> members(String host, String domain, String family) throws CatalogException;

    /** The full name of a device that configurations and readers accept ({@code tango://host/d/f/m}). */
    String deviceName(String host, String domain, String family, String member);

    List<String> attributes(String device) throws CatalogException;
}
