package org.scizoo.core.ports;

import java.util.Map;

/**
 * Makes {@link ScanEventSource}s of one kind ({@code sim}, {@code sardana}, {@code files}); an OSGi
 * service, so a beamline's own plug-in can add a kind without touching the ingestion.
 */
public interface ScanEventSourceFactory {

    String kind();

    /** @param options the kind's own options (interval, door name, folder, …), by name */
    ScanEventSource create(Map<String, String> options);
}
