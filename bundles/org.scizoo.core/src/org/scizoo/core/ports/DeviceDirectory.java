package org.scizoo.core.ports;

import java.util.List;

/**
 * A control system's device tree, as Jive shows Tango's: domains, families, members, then a device's
 * attributes. {@code host} is the directory's address ({@code TANGO_HOST}, {@code host:port}).
 */
public interface DeviceDirectory {

    /** @throws CatalogException with a user-facing message when the directory cannot be reached */
    List<String> domains(String host) throws CatalogException;

    List<String> families(String host, String domain) throws CatalogException;

    List<String> members(String host, String domain, String family) throws CatalogException;

    /** The full name of a device that configurations and readers accept ({@code tango://host/d/f/m}). */
    String deviceName(String host, String domain, String family, String member);

    List<String> attributes(String device) throws CatalogException;
}
